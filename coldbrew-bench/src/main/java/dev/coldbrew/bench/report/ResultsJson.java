package dev.coldbrew.bench.report;

import dev.coldbrew.bench.BenchOptions;
import dev.coldbrew.bench.calibration.Published;
import dev.coldbrew.bench.measure.Calibration;
import dev.coldbrew.bench.measure.Measurements;
import dev.coldbrew.bench.measure.Preparation;
import dev.coldbrew.bench.measure.Sample;
import dev.coldbrew.bench.measure.Stats;
import dev.coldbrew.bench.strategy.Strategy;
import dev.coldbrew.bench.workload.Workload;
import dev.coldbrew.runtime.api.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * results.json: the run's flags, machine, JDK, price, how each function was prepared (with its JVM flags), every
 * raw sample in the order taken, and the per-cell statistics the tables were made from.
 */
public final class ResultsJson {
    public static final int FORMAT_VERSION = 1;
    /** Microseconds of a millisecond value: finer than any timer here resolves. */
    private static final int MAX_DECIMALS = 3;

    private ResultsJson() {}

    public static String write(BenchOptions options, MachineInfo machine, Measurements m, Summary summary) {
        JsonWriter json = JsonWriter.create().maxDecimals(MAX_DECIMALS).beginObject();
        json.field("format", FORMAT_VERSION);
        json.field("started", m.started().toString())
                .field("finished", m.finished().toString());
        json.field("limitsEnforced", m.limitsEnforced());
        json.field("loadAverageStart", m.loadAverageStart()).field("loadAverageEnd", m.loadAverageEnd());
        options(json.name("run"), options);
        machine(json.name("machine"), machine);
        json.name("pricing").beginObject();
        json.field("usdPerGbSecond", Pricing.USD_PER_GB_SECOND);
        json.field("usdPerMillionRequests", Pricing.USD_PER_MILLION_REQUESTS);
        json.field("region", Pricing.REGION).field("architecture", Pricing.ARCHITECTURE);
        json.field("asOf", Pricing.AS_OF).endObject();
        json.name("strategies").beginArray();
        for (Strategy s : options.strategies()) {
            json.beginObject().field("name", s.name()).field("description", s.description());
            json.field("available", s.availability().available())
                    .field("reason", s.availability().reason());
            json.endObject();
        }
        json.endArray();
        json.name("preparations").beginArray();
        m.preparations().forEach(p -> preparation(json, p));
        json.endArray();
        json.name("samples").beginArray();
        m.samples().forEach(s -> sample(json, s));
        json.endArray();
        json.name("responses").beginArray();
        for (String workload : m.responses().workloads()) {
            m.responses()
                    .of(workload)
                    .forEach((strategy, response) -> json.beginObject()
                            .field("workload", workload)
                            .field("strategy", strategy)
                            .field("response", response)
                            .endObject());
        }
        json.endArray();
        calibration(json.name("calibration"), m.calibration());
        json.name("cells").beginArray();
        summary.cells().forEach(c -> cell(json, summary, c));
        json.endArray();
        return json.endObject().toString();
    }

    public static byte[] bytes(BenchOptions options, MachineInfo machine, Measurements m, Summary summary) {
        return write(options, machine, m, summary).getBytes(StandardCharsets.UTF_8);
    }

    private static void options(JsonWriter json, BenchOptions o) {
        json.beginObject().field("profile", o.profile().id());
        json.name("arguments").beginArray();
        o.arguments().forEach(json::value);
        json.endArray().name("workloads").beginArray();
        for (Workload w : o.workloads()) {
            json.beginObject().field("id", w.id());
            json.field("event", new String(w.event(o.smallEvents()), StandardCharsets.UTF_8));
            json.endObject();
        }
        json.endArray().name("memorySizesMb").beginArray();
        o.memorySizesMb().forEach(mb -> json.value(mb.longValue()));
        json.endArray();
        json.field("coldStarts", o.coldStarts()).field("warmInvokes", o.warmInvokes());
        json.field("output", o.output().toString()).endObject();
    }

    private static void machine(JsonWriter json, MachineInfo mi) {
        json.beginObject().field("os", mi.os()).field("kernel", mi.kernel()).field("arch", mi.arch());
        json.field("cpus", mi.cpus()).field("cpuModel", mi.cpuModel()).field("memoryMb", mi.memoryMb());
        json.field("javaVersion", mi.javaVersion()).field("javaVendor", mi.javaVendor());
        json.field("javaVm", mi.javaVm()).field("javaHome", mi.javaHome()).endObject();
    }

    private static void preparation(JsonWriter json, Preparation p) {
        json.beginObject().field("workload", p.workload()).field("strategy", p.strategy());
        json.field("status", p.status()).field("detail", p.detail()).field("seconds", p.seconds());
        json.name("jvmFlags").beginArray();
        p.jvmFlags().forEach(json::value);
        json.endArray().endObject();
    }

    private static void calibration(JsonWriter json, Calibration c) {
        json.beginObject().name("memorySizesMb").beginArray();
        c.memorySizesMb().forEach(json::value);
        json.endArray().name("preparations").beginArray();
        c.preparations().forEach(p -> preparation(json, p));
        json.endArray().name("samples").beginArray();
        c.samples().forEach(s -> sample(json, s));
        json.endArray().name("published").beginArray();
        for (Published p : Published.ROWS) {
            json.beginObject().field("runtime", p.runtime()).field("memoryMb", p.memoryMb());
            json.field("initMedianMs", p.initMedianMs()).field("initMinMs", p.initMinMs());
            json.field("initMaxMs", p.initMaxMs()).field("firstInvokeMs", p.firstInvokeMs());
            json.field("maxMemoryUsedMb", p.maxMemoryUsedMb()).endObject();
        }
        json.endArray().endObject();
    }

    private static void sample(JsonWriter json, Sample s) {
        json.beginObject().field("workload", s.workload()).field("strategy", s.strategy());
        json.field("memoryMb", s.memoryMb()).field("phase", s.phase().name().toLowerCase(Locale.ROOT));
        json.field("index", s.index()).field("requestId", s.requestId());
        json.field("initDurationMs", s.initDurationMs()).field("durationMs", s.durationMs());
        json.field("billedDurationMs", s.billedDurationMs()).field("maxMemoryUsedMb", s.maxMemoryUsedMb());
        json.field("error", s.functionError()).endObject();
    }

    private static void cell(JsonWriter json, Summary summary, CellSummary c) {
        json.beginObject().field("workload", c.workload()).field("strategy", c.strategy());
        json.field("memoryMb", c.memoryMb()).field("note", c.note()).field("errors", c.errors());
        stats(json, "coldInitMs", c.coldInit());
        stats(json, "coldDurationMs", c.coldDuration());
        stats(json, "coldTotalMs", c.coldTotal());
        stats(json, "coldMaxMemoryUsedMb", c.coldMaxMemory());
        stats(json, "coldBilledDurationMs", c.coldBilled());
        stats(json, "warmDurationMs", c.warmDuration());
        stats(json, "warmBilledDurationMs", c.warmBilled());
        stats(json, "warmMaxMemoryUsedMb", c.warmMaxMemory());
        json.field("usdPerMillionWarmInvokes", c.usdPerMillionWarm());
        json.field("coldTotalVsAwsJava", summary.ratio(c, x -> x.coldTotal().median()));
        json.field(
                "warmDurationVsAwsJava", summary.ratio(c, x -> x.warmDuration().median()));
        json.field("maxMemoryVsAwsJava", summary.ratio(c, CellSummary::maxMemoryMedian));
        json.endObject();
    }

    private static void stats(JsonWriter json, String name, Stats s) {
        json.name(name)
                .beginObject()
                .field("n", s.n())
                .field("median", s.median())
                .field("p90", s.p90());
        json.field("min", s.min()).field("max", s.max()).endObject();
    }
}
