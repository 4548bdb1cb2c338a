package dev.clipflow.cost;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The list prices a cost estimate is computed from, in US dollars. The defaults are AWS's
 * published us-east-1 on-demand prices (x86 Lambda, Step Functions Standard, S3 Standard) as
 * listed in {@code docs/cost-model.md}; a deployment overrides any of them with the
 * {@code PRICE_TABLE} setting, e.g. {@code lambdaGbSecond=0.0000133334,s3GbMonth=0.0245}.
 *
 * @param lambdaGbSecond      Lambda compute, per GB-second
 * @param lambdaRequest       Lambda, per request
 * @param stateTransition     Step Functions Standard, per state transition
 * @param s3GbMonth           S3 Standard storage, per GB-month
 * @param s3PutRequest        S3 PUT/COPY/POST/LIST, per request
 * @param s3GetRequest        S3 GET/SELECT and all other requests, per request
 */
public record PriceTable(BigDecimal lambdaGbSecond, BigDecimal lambdaRequest, BigDecimal stateTransition,
                         BigDecimal s3GbMonth, BigDecimal s3PutRequest, BigDecimal s3GetRequest) {

    public static final PriceTable US_EAST_1 = new PriceTable(
            new BigDecimal("0.0000166667"),
            new BigDecimal("0.0000002"),
            new BigDecimal("0.000025"),
            new BigDecimal("0.023"),
            new BigDecimal("0.000005"),
            new BigDecimal("0.0000004"));

    public PriceTable {
        Objects.requireNonNull(lambdaGbSecond, "lambdaGbSecond");
        Objects.requireNonNull(lambdaRequest, "lambdaRequest");
        Objects.requireNonNull(stateTransition, "stateTransition");
        Objects.requireNonNull(s3GbMonth, "s3GbMonth");
        Objects.requireNonNull(s3PutRequest, "s3PutRequest");
        Objects.requireNonNull(s3GetRequest, "s3GetRequest");
        for (BigDecimal price : new BigDecimal[] {lambdaGbSecond, lambdaRequest, stateTransition, s3GbMonth,
            s3PutRequest, s3GetRequest}) {
            if (price.signum() < 0) {
                throw new IllegalArgumentException("A price cannot be negative: " + price);
            }
        }
    }

    /**
     * The defaults with overrides applied. {@code spec} is null or blank (no overrides), or
     * comma-separated {@code name=value} pairs whose names are this record's components.
     *
     * @throws IllegalArgumentException naming the bad entry when the spec cannot be read
     */
    public static PriceTable parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return US_EAST_1;
        }
        Map<String, BigDecimal> values = new LinkedHashMap<>(US_EAST_1.asMap());
        for (String entry : spec.split(",")) {
            String[] kv = entry.split("=", 2);
            String name = kv[0].strip();
            if (kv.length != 2 || !values.containsKey(name)) {
                throw new IllegalArgumentException("PRICE_TABLE entry '" + entry.strip()
                        + "' is not name=value with a name among " + values.keySet());
            }
            try {
                values.put(name, new BigDecimal(kv[1].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("PRICE_TABLE entry '" + entry.strip() + "' has no decimal value", e);
            }
        }
        return new PriceTable(values.get("lambdaGbSecond"), values.get("lambdaRequest"),
                values.get("stateTransition"), values.get("s3GbMonth"), values.get("s3PutRequest"),
                values.get("s3GetRequest"));
    }

    public Map<String, BigDecimal> asMap() {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        map.put("lambdaGbSecond", lambdaGbSecond);
        map.put("lambdaRequest", lambdaRequest);
        map.put("stateTransition", stateTransition);
        map.put("s3GbMonth", s3GbMonth);
        map.put("s3PutRequest", s3PutRequest);
        map.put("s3GetRequest", s3GetRequest);
        return map;
    }
}
