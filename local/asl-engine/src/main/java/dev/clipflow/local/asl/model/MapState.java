package dev.clipflow.local.asl.model;

import dev.clipflow.local.asl.path.QueryPath;
import dev.clipflow.local.asl.path.ReferencePath;
import dev.clipflow.local.asl.template.PayloadTemplate;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code "Type": "Map"}, INLINE or DISTRIBUTED. ItemSelector and the legacy Parameters are both held in
 * {@code itemSelector}; ItemProcessor and the legacy Iterator in {@code processor}.
 *
 * @param itemSelector {@code null} when absent
 * @param distributed {@code null} in INLINE mode
 * @param maxConcurrency 0 means no limit of the state's own (the spec default)
 * @param toleratedFailureCount {@code null} when absent
 * @param toleratedFailurePercentage {@code null} when absent
 * @param next {@code null} when End
 */
public record MapState(String name, IoSpec io, QueryPath itemsPath, PayloadTemplate itemSelector,
                       StateMachineModel processor, DistributedMapConfig distributed, int maxConcurrency,
                       ReferencePath maxConcurrencyPath,
                       Integer toleratedFailureCount, ReferencePath toleratedFailureCountPath,
                       BigDecimal toleratedFailurePercentage, ReferencePath toleratedFailurePercentagePath,
                       List<Retrier> retry, List<Catcher> catchers, String next) implements State {
    public MapState {
        retry = List.copyOf(retry);
        catchers = List.copyOf(catchers);
    }
}
