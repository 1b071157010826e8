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
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * results.json: the run's flags, machine, JDK, price, how each function was prepared (with its JVM flags), every
 * raw sample in the order taken, and the per-cell statistics the tables were made from.
 */
public final class ResultsJson {
    public static final int FORMAT_VERSION = 1;

    private ResultsJson() {}

    public static String write(BenchOptions options, MachineInfo machine, Measurements m, Summary summary) {
        JsonWriter json = new JsonWriter().beginObject();
        json.member("format", FORMAT_VERSION);
        json.member("started", m.started().toString())
                .member("finished", m.finished().toString());
        json.member("limitsEnforced", m.limitsEnforced());
        json.member("loadAverageStart", m.loadAverageStart()).member("loadAverageEnd", m.loadAverageEnd());
        options(json.name("run"), options);
        machine(json.name("machine"), machine);
        json.name("pricing").beginObject();
        json.member("usdPerGbSecond", Pricing.USD_PER_GB_SECOND);
        json.member("usdPerMillionRequests", Pricing.USD_PER_MILLION_REQUESTS);
        json.member("region", Pricing.REGION).member("architecture", Pricing.ARCHITECTURE);
        json.member("asOf", Pricing.AS_OF).endObject();
        json.name("strategies").beginArray();
        for (Strategy s : options.strategies()) {
            json.beginObject().member("name", s.name()).member("description", s.description());
            json.member("available", s.availability().available())
                    .member("reason", s.availability().reason());
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
                            .member("workload", workload)
                            .member("strategy", strategy)
                            .member("response", response)
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
        json.beginObject().member("profile", o.profile().id());
        json.name("arguments").beginArray();
        o.arguments().forEach(json::value);
        json.endArray().name("workloads").beginArray();
        for (Workload w : o.workloads()) {
            json.beginObject().member("id", w.id());
            json.member("event", new String(w.event(o.smallEvents()), StandardCharsets.UTF_8));
            json.endObject();
        }
        json.endArray().name("memorySizesMb").beginArray();
        o.memorySizesMb().forEach(mb -> json.value(mb.longValue()));
        json.endArray();
        json.member("coldStarts", o.coldStarts()).member("warmInvokes", o.warmInvokes());
        json.member("output", o.output().toString()).endObject();
    }

    private static void machine(JsonWriter json, MachineInfo mi) {
        json.beginObject().member("os", mi.os()).member("kernel", mi.kernel()).member("arch", mi.arch());
        json.member("cpus", mi.cpus()).member("cpuModel", mi.cpuModel()).member("memoryMb", mi.memoryMb());
        json.member("javaVersion", mi.javaVersion()).member("javaVendor", mi.javaVendor());
        json.member("javaVm", mi.javaVm()).member("javaHome", mi.javaHome()).endObject();
    }

    private static void preparation(JsonWriter json, Preparation p) {
        json.beginObject().member("workload", p.workload()).member("strategy", p.strategy());
        json.member("status", p.status()).member("detail", p.detail()).member("seconds", p.seconds());
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
            json.beginObject().member("runtime", p.runtime()).member("memoryMb", p.memoryMb());
            json.member("initMedianMs", p.initMedianMs()).member("initMinMs", p.initMinMs());
            json.member("initMaxMs", p.initMaxMs()).member("firstInvokeMs", p.firstInvokeMs());
            json.member("maxMemoryUsedMb", p.maxMemoryUsedMb()).endObject();
        }
        json.endArray().endObject();
    }

    private static void sample(JsonWriter json, Sample s) {
        json.beginObject().member("workload", s.workload()).member("strategy", s.strategy());
        json.member("memoryMb", s.memoryMb()).member("phase", s.phase().name().toLowerCase(Locale.ROOT));
        json.member("index", s.index()).member("requestId", s.requestId());
        json.member("initDurationMs", s.initDurationMs()).member("durationMs", s.durationMs());
        json.member("billedDurationMs", s.billedDurationMs()).member("maxMemoryUsedMb", s.maxMemoryUsedMb());
        json.member("error", s.functionError()).endObject();
    }

    private static void cell(JsonWriter json, Summary summary, CellSummary c) {
        json.beginObject().member("workload", c.workload()).member("strategy", c.strategy());
        json.member("memoryMb", c.memoryMb()).member("note", c.note()).member("errors", c.errors());
        stats(json, "coldInitMs", c.coldInit());
        stats(json, "coldDurationMs", c.coldDuration());
        stats(json, "coldTotalMs", c.coldTotal());
        stats(json, "coldMaxMemoryUsedMb", c.coldMaxMemory());
        stats(json, "warmDurationMs", c.warmDuration());
        stats(json, "warmBilledDurationMs", c.warmBilled());
        stats(json, "warmMaxMemoryUsedMb", c.warmMaxMemory());
        json.member("usdPerMillionWarmInvokes", c.usdPerMillionWarm());
        json.member("coldTotalVsAwsJava", summary.ratio(c, x -> x.coldTotal().median()));
        json.member(
                "warmDurationVsAwsJava", summary.ratio(c, x -> x.warmDuration().median()));
        json.member("maxMemoryVsAwsJava", summary.ratio(c, CellSummary::maxMemoryMedian));
        json.endObject();
    }

    private static void stats(JsonWriter json, String name, Stats s) {
        json.name(name)
                .beginObject()
                .member("n", s.n())
                .member("median", s.median())
                .member("p90", s.p90());
        json.member("min", s.min()).member("max", s.max()).endObject();
    }
}
