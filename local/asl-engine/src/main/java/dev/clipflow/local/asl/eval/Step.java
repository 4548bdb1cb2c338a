package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;

/** The outcome of one state: its output and the next state ({@code null} when the machine or branch ends). */
record Step(String next, JsonNode output) {
}
