//! The performance benchmark: start-up, read overhead, whole plans and
//! footprint, each as a median with min and max over repeated runs. Writes
//! `bench/results.md` and prints it. Run with `scripts/bench.sh`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use katapult_testkit::fake_api::generated;
use katapult_testkit::grpc::{self, Connection};
use katapult_testkit::terraform::{
    OwnApi, REQUIRED_PROVIDERS, TEST_API_KEY, Terraform, Workspace, terraforms,
};

const BINARY: &str = env!("CARGO_BIN_EXE_terraform-provider-katapult");

/// Median, min and max of a sample.
struct Stats {
    median: f64,
    min: f64,
    max: f64,
}

fn stats(mut sample: Vec<f64>) -> Stats {
    sample.sort_by(f64::total_cmp);
    Stats {
        median: sample[sample.len() / 2],
        min: sample[0],
        max: sample[sample.len() - 1],
    }
}

fn fmt3(s: &Stats) -> String {
    format!("{:.2} ({:.2}–{:.2})", s.median, s.min, s.max)
}

/// Exec to handshake line, in milliseconds.
async fn startup(mtls: bool, runs: usize) -> Stats {
    let cert = grpc::client_cert();
    let mut sample = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        let plugin = grpc::start(mtls.then_some(cert.pem.as_str())).await;
        sample.push(started.elapsed().as_secs_f64() * 1000.0);
        drop(plugin);
    }
    stats(sample)
}

/// CPU time (user + system) a process has used so far.
fn cpu_time(pid: u32) -> Duration {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // Fields after the command name, which is in parentheses.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .unwrap()
        .1
        .split_whitespace()
        .collect();
    let ticks: u64 = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
    // Linux reports in clock ticks of 1/100 s.
    Duration::from_millis(ticks * 10)
}

fn read_request(id: &str) -> Vec<u8> {
    read_request_of("katapult_disk", "id", id)
}

/// A ReadDataSource request for `type_name` whose configuration sets only
/// `key` (under 32 bytes) to `value`, protobuf and msgpack by hand.
fn read_request_of(type_name: &str, key: &str, value: &str) -> Vec<u8> {
    let mut encoded = vec![0xd9, u8::try_from(value.len()).unwrap()];
    encoded.extend_from_slice(value.as_bytes());
    read_request_encoded(type_name, key, &encoded)
}

/// The same with a bool `value`.
fn read_request_bool(type_name: &str, key: &str, value: bool) -> Vec<u8> {
    read_request_encoded(type_name, key, &[if value { 0xc3 } else { 0xc2 }])
}

/// The request whose configuration sets `key` to the msgpack `value`.
fn read_request_encoded(type_name: &str, key: &str, value: &[u8]) -> Vec<u8> {
    let mut msgpack = vec![0x81, 0xa0 | u8::try_from(key.len()).unwrap()];
    msgpack.extend_from_slice(key.as_bytes());
    msgpack.extend_from_slice(value);
    let mut dynamic = vec![0x0a, u8::try_from(msgpack.len()).unwrap()];
    dynamic.extend_from_slice(&msgpack);
    let mut request = vec![0x0a, u8::try_from(type_name.len()).unwrap()];
    request.extend_from_slice(type_name.as_bytes());
    request.push(0x12);
    request.push(u8::try_from(dynamic.len()).unwrap());
    request.extend_from_slice(&dynamic);
    request
}

/// The API latency the "N items at once" figures are measured at.
const LATENCY: Duration = Duration::from_millis(50);

/// One read of many items at `LATENCY`: how long a ReadDataSource of a
/// list (a list, then each item's read, many at once) takes, against one
/// request's latency.
struct AtLatency {
    /// Its name for `BENCH_ONLY`.
    name: &'static str,
    /// Its section of the results: `## {section} at 50 ms of API latency`.
    section: &'static str,
    /// What is read, as its row of the section names it.
    measure: String,
    /// The provider's organization, when the read needs one.
    organization: Option<&'static str>,
    request: Vec<u8>,
    /// Its line of the targets, and the most requests' worth it may take.
    target: &'static str,
    most: f64,
    /// More rows of its section, measured apart.
    more: String,
}

/// The cases: a machine's 10 disks; 20 security groups with their rules;
/// an organization's 20 load balancers (Katapult's Go provider reads them
/// one after another: 21 requests' worth). `identical` is the disk
/// family's other figure, a row of its section.
fn at_latency_cases(identical: usize) -> [AtLatency; 3] {
    use katapult_testkit::fake_api::{lbs, security_groups as sg, vms};
    [
        AtLatency {
            name: "family",
            section: "The disk family",
            measure: "`katapult_virtual_machine_disks`, 10 disks (a list, then 10 reads)".into(),
            organization: None,
            request: read_request_of(
                "katapult_virtual_machine_disks",
                "virtual_machine_id",
                vms::TEN,
            ),
            target: "a machine's 10 disks at 50 ms < 3 requests' worth",
            most: 3.0,
            more: format!(
                "| requests sent by a plan of ten identical `katapult_disk` blocks | {identical} |\n"
            ),
        },
        AtLatency {
            name: "security_groups",
            section: "Security groups",
            measure: format!(
                "`katapult_security_groups` with `include_rules`, {} groups (a list, then each group's rules)",
                sg::TWENTY_GROUPS
            ),
            organization: Some(sg::TWENTY),
            request: read_request_bool("katapult_security_groups", "include_rules", true),
            target: "20 security groups with their rules at 50 ms < 4 requests' worth",
            most: 4.0,
            more: String::new(),
        },
        AtLatency {
            name: "load_balancers",
            section: "Load balancers",
            measure: format!(
                "`katapult_load_balancers`, {} load balancers (a list, then each one's read)",
                lbs::orgs::TWENTY_COUNT
            ),
            organization: Some(lbs::orgs::TWENTY),
            request: read_request_without_arguments("katapult_load_balancers"),
            target: "an organization's 20 load balancers at 50 ms < 4 requests' worth",
            most: 4.0,
            more: String::new(),
        },
    ]
}

/// `case` read 10 times at `LATENCY`, its section written to `out`: the
/// median in requests' worth of latency.
fn at_latency(
    api: &katapult_testkit::fake_api::FakeApi,
    runtime: &tokio::runtime::Runtime,
    case: &AtLatency,
    out: &mut String,
) -> f64 {
    api.set_latency(LATENCY);
    let read_ms = runtime.block_on(async {
        let organization: Vec<(&str, &str)> = case
            .organization
            .map(|org| ("KATAPULT_ORGANIZATION", org))
            .into_iter()
            .collect();
        let (_plugin, mut conn) = configured_plugin_with(api, &organization).await;
        let mut sample = Vec::new();
        for _ in 0..10 {
            let started = Instant::now();
            let response = conn
                .call("/tfplugin6.Provider/ReadDataSource", &case.request)
                .await
                .unwrap();
            sample.push(started.elapsed().as_secs_f64() * 1000.0);
            assert_eq!(response.first(), Some(&0x0a), "a state, not diagnostics");
        }
        stats(sample)
    });
    api.set_latency(Duration::ZERO);
    let ratio = read_ms.median / LATENCY.as_secs_f64() / 1000.0;
    let _ = writeln!(
        out,
        "## {} at 50 ms of API latency\n\n| measure | value |\n| --- | --- |\n\
         | {}: ReadDataSource ms (10 runs) | {} |\n\
         | the same in requests' worth of latency | {ratio:.2} |\n{}",
        case.section,
        case.measure,
        fmt3(&read_ms),
        case.more
    );
    ratio
}

/// How many requests a plan of ten identical `katapult_disk` blocks sends
/// at `LATENCY`.
fn identical_blocks(tf: &Terraform, api: &katapult_testkit::fake_api::FakeApi) -> usize {
    api.set_latency(LATENCY);
    let id = format!("{}42", generated::PLAIN);
    let before = api.arrivals(&id).len();
    let blocks: String = (0..10)
        .map(|n| format!("data \"katapult_disk\" \"same{n}\" {{\n  id = \"{id}\"\n}}\n"))
        .collect();
    let (_, run) = plan_of(tf, api, &format!("{REQUIRED_PROVIDERS}\n{blocks}"));
    assert!(run.success, "{}", run.text());
    api.set_latency(Duration::ZERO);
    api.arrivals(&id).len() - before
}

/// A ReadDataSource request for `type_name` whose configuration sets no
/// argument: an empty map, protobuf and msgpack by hand.
fn read_request_without_arguments(type_name: &str) -> Vec<u8> {
    let mut request = vec![0x0a, u8::try_from(type_name.len()).unwrap()];
    request.extend_from_slice(type_name.as_bytes());
    // config: DynamicValue { msgpack: {} }
    request.extend_from_slice(&[0x12, 0x03, 0x0a, 0x01, 0x80]);
    request
}

/// The plugin started as Terraform starts it (mTLS), pointed at `api`, and
/// configured: a null provider config, so the key and URL come from its
/// environment.
async fn configured_plugin(
    api: &katapult_testkit::fake_api::FakeApi,
) -> (grpc::Plugin, Connection) {
    configured_plugin_with(api, &[]).await
}

/// `configured_plugin`, with more of the provider's environment (its
/// organization).
async fn configured_plugin_with(
    api: &katapult_testkit::fake_api::FakeApi,
    more: &[(&str, &str)],
) -> (grpc::Plugin, Connection) {
    let cert = grpc::client_cert();
    let url = api.url();
    let mut env = vec![
        ("KATAPULT_API_URL", url.as_str()),
        ("KATAPULT_API_KEY", TEST_API_KEY),
    ];
    env.extend_from_slice(more);
    let plugin = grpc::start_with_env(Some(&cert.pem), &env).await;
    let mut conn = Connection::open(&plugin, Some(&cert)).await.unwrap();
    conn.call("/tfplugin6.Provider/ConfigureProvider", b"")
        .await
        .unwrap();
    (plugin, conn)
}

/// ReadDataSource round trips over gRPC + mTLS against an instant fake API:
/// (latency per call in ms, provider CPU per read in ms).
async fn read_overhead(api: &katapult_testkit::fake_api::FakeApi, calls: usize) -> (Stats, f64) {
    let (plugin, mut conn) = configured_plugin(api).await;
    let pid = plugin.child.id().unwrap();
    let request = read_request(&format!("{}1", generated::PLAIN));
    for _ in 0..100 {
        let response = conn
            .call("/tfplugin6.Provider/ReadDataSource", &request)
            .await
            .unwrap();
        assert_eq!(response.first(), Some(&0x0a), "a state, not diagnostics");
    }
    let cpu_before = cpu_time(pid);
    let mut sample = Vec::with_capacity(calls);
    for _ in 0..calls {
        let started = Instant::now();
        conn.call("/tfplugin6.Provider/ReadDataSource", &request)
            .await
            .unwrap();
        sample.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let cpu = (cpu_time(pid) - cpu_before).as_secs_f64() * 1000.0 / calls as f64;
    (stats(sample), cpu)
}

/// One plan's measurements.
struct Plan {
    wall_s: f64,
    provider_cpu_s: f64,
    peak_rss_mib: f64,
}

/// A folder holding a `terraform-provider-katapult` that runs the real
/// binary under /usr/bin/time, one report per process in `reports`.
fn timed_plugin_dir(root: &Path) -> (PathBuf, PathBuf) {
    let dir = root.join("timed-plugin");
    let reports = root.join("reports");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::create_dir_all(&reports).unwrap();
    let wrapper = dir.join("terraform-provider-katapult");
    std::fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\nexec /usr/bin/time -f '%U %S %M' -o {}/$$.txt {BINARY} \"$@\"\n",
            reports.display()
        ),
    )
    .unwrap();
    std::process::Command::new("chmod")
        .args(["755"])
        .arg(&wrapper)
        .status()
        .unwrap();
    (dir, reports)
}

fn plan(tf: &Terraform, api: &katapult_testkit::fake_api::FakeApi, n: usize) -> Plan {
    let config = if n == 0 {
        REQUIRED_PROVIDERS.to_owned()
    } else {
        format!(
            "{REQUIRED_PROVIDERS}\ndata \"katapult_disk\" \"d\" {{\n  count = {n}\n  id    = \"{}${{count.index}}\"\n}}\n",
            generated::PLAIN
        )
    };
    let (plan, run) = plan_of(tf, api, &config);
    assert!(run.success, "{}", run.text());
    plan
}

/// `terraform plan` of `config`, measured, whether or not it succeeds.
fn plan_of(
    tf: &Terraform,
    api: &katapult_testkit::fake_api::FakeApi,
    config: &str,
) -> (Plan, katapult_testkit::terraform::Run) {
    let ws = Workspace::with_api(tf, config, api);
    let (plugins, reports) = timed_plugin_dir(ws.path());
    std::fs::write(
        ws.path().join("cli.tfrc"),
        format!(
            "provider_installation {{\n  dev_overrides {{\n    \"krystal/katapult\" = \"{}\"\n  }}\n  direct {{}}\n}}\n",
            plugins.display()
        ),
    )
    .unwrap();
    let started = Instant::now();
    let run = ws.run(&["plan", "-no-color", "-refresh=true"]);
    let wall_s = started.elapsed().as_secs_f64();
    let (mut cpu, mut rss_kib) = (0.0, 0.0f64);
    for report in std::fs::read_dir(&reports).unwrap().flatten() {
        let text = std::fs::read_to_string(report.path()).unwrap();
        // The last line is the format's; a killed process adds a line before it.
        let fields: Vec<f64> = text
            .lines()
            .last()
            .unwrap_or("")
            .split_whitespace()
            .filter_map(|f| f.parse().ok())
            .collect();
        if let [user, sys, rss] = fields[..] {
            cpu += user + sys;
            rss_kib = rss_kib.max(rss);
        }
    }
    let plan = Plan {
        wall_s,
        provider_cpu_s: cpu,
        peak_rss_mib: rss_kib / 1024.0,
    };
    (plan, run)
}

/// Peak RSS of the provider for answers built to cost memory: each read
/// refused (or, at the limit, read) within the target.
fn hostile_answers(
    tf: &Terraform,
    api: &katapult_testkit::fake_api::FakeApi,
    out: &mut String,
) -> f64 {
    use katapult_testkit::fake_api::ids;
    let _ = writeln!(
        out,
        "\n## Hostile answers: peak RSS of the provider process\n\n| answer | outcome | peak RSS MiB |\n| --- | --- | --- |"
    );
    let cases = [
        (
            ids::HUGE_ATTRIBUTES,
            "8 MB: `installation.attributes` of 2.7 million `{}`",
            false,
        ),
        (
            ids::HUGE_ANNOTATIONS,
            "8 MB: `annotations` of 2.7 million `{}`",
            false,
        ),
        (
            ids::MOST_ATTRIBUTES,
            "1.3 MB: 10,000 full installation attributes (the most read)",
            true,
        ),
    ];
    let mut worst: f64 = 0.0;
    for (id, what, readable) in cases {
        let config =
            format!("{REQUIRED_PROVIDERS}\ndata \"katapult_disk\" \"d\" {{\n  id = \"{id}\"\n}}\n");
        let (plan, run) = plan_of(tf, api, &config);
        let text = run.text();
        assert_eq!(
            run.success,
            readable,
            "{id}: {}",
            &text[..text.len().min(2000)]
        );
        if !readable {
            assert!(
                text.contains("more JSON than this provider reads"),
                "{id}: {text}"
            );
        }
        let outcome = if readable {
            "read"
        } else {
            "refused, naming the list"
        };
        worst = worst.max(plan.peak_rss_mib);
        let _ = writeln!(out, "| {what} | {outcome} | {:.1} |", plan.peak_rss_mib);
    }
    let _ = writeln!(out);
    worst
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .unwrap_or_default()
        .lines()
        .find_map(|l| {
            l.strip_prefix("model name")
                .map(|m| m.trim_start_matches([' ', '\t', ':']).to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".to_owned());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let kernel = Command::new("uname")
        .arg("-sr")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default();
    let mem = std::fs::read_to_string("/proc/meminfo")
        .unwrap_or_default()
        .lines()
        .next()
        .unwrap_or("")
        .split_whitespace()
        .nth(1)
        .and_then(|kb| kb.parse::<u64>().ok())
        .map(|kb| format!("{} GiB", kb / 1024 / 1024))
        .unwrap_or_default();
    format!("{cpu}, {cores} cores, {mem}, {kernel}")
}

fn verdict(ok: bool) -> &'static str {
    if ok { "met" } else { "**missed**" }
}

fn main() {
    // The fake API runs on a runtime of its own; the gRPC client on this one.
    let api = OwnApi::start();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    // The newest Terraform that is its own binary: 1.15.5 here is a library
    // in a Python process, whose start-up would swamp the provider's.
    let tf = terraforms()
        .iter()
        .rev()
        .find(|tf| !tf.embedded())
        .or(terraforms().last())
        .expect("a Terraform")
        .clone();
    // One section alone, printed and not written: `BENCH_ONLY=hostile`.
    if let Ok(only) = std::env::var("BENCH_ONLY") {
        let mut out = String::new();
        match only.as_str() {
            "hostile" => {
                hostile_answers(&tf, &api.api, &mut out);
            }
            only => {
                let identical = if only == "family" {
                    identical_blocks(&tf, &api.api)
                } else {
                    0
                };
                let case = at_latency_cases(identical)
                    .into_iter()
                    .find(|case| case.name == only)
                    .unwrap_or_else(|| {
                        panic!(
                            "BENCH_ONLY={only}: no such section (hostile, family, \
                             security_groups, load_balancers)"
                        )
                    });
                at_latency(&api.api, &runtime, &case, &mut out);
            }
        }
        print!("{out}");
        return;
    }
    let quick = std::env::var_os("BENCH_QUICK").is_some();
    let (startup_runs, read_calls, plan_runs) = if quick { (10, 200, 1) } else { (50, 2000, 3) };
    let mut out = String::new();
    let _ = writeln!(out, "# Benchmark results\n");
    let _ = writeln!(out, "- Machine: {}", machine());
    let _ = writeln!(
        out,
        "- Terraform {} (plans), provider {}",
        tf.version,
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(
        out,
        "- Produced by `scripts/bench.sh`; medians with (min–max).\n"
    );

    let mtls = runtime.block_on(startup(true, startup_runs));
    let plain = runtime.block_on(startup(false, startup_runs));
    let _ = writeln!(
        out,
        "## Start-up: exec to handshake line (ms, {startup_runs} runs)\n"
    );
    let _ = writeln!(out, "| mode | ms |\n| --- | --- |");
    let _ = writeln!(out, "| AutoMTLS on (P-521 client cert) | {} |", fmt3(&mtls));
    let _ = writeln!(out, "| AutoMTLS off | {} |\n", fmt3(&plain));

    let (latency, cpu_per_read) = runtime.block_on(read_overhead(&api.api, read_calls));
    let _ = writeln!(
        out,
        "## Read overhead ({read_calls} ReadDataSource calls over gRPC + mTLS, instant fake API)\n"
    );
    let _ = writeln!(out, "| measure | value |\n| --- | --- |");
    let _ = writeln!(out, "| round trip per call (ms) | {} |", fmt3(&latency));
    let _ = writeln!(
        out,
        "| provider CPU per read, HTTP included (ms) | {cpu_per_read:.3} |\n"
    );

    let _ = writeln!(
        out,
        "## Whole plans (parallelism 10, {plan_runs} runs each)\n"
    );
    let _ = writeln!(
        out,
        "| data sources | API latency | wall s | floor + N×latency/10 s | same + Terraform's own cost at 0 ms s | provider CPU s | peak RSS MiB per process |\n| --- | --- | --- | --- | --- | --- | --- |"
    );
    let floor = stats(
        (0..plan_runs.max(3))
            .map(|_| plan(&tf, &api.api, 0).wall_s)
            .collect(),
    );
    let _ = writeln!(
        out,
        "| 0 (Terraform's floor) | – | {} | – | – | – | – |",
        fmt3(&floor)
    );
    let mut worst_rss: f64 = 0.0;
    let mut wall_ok = true;
    let mut within_own_cost = true;
    // Wall time at 0 ms latency, by N: Terraform's own per-data-source work.
    let mut at_zero = std::collections::HashMap::new();
    for latency_ms in [0u64, 20] {
        api.api.set_latency(Duration::from_millis(latency_ms));
        for n in [10usize, 100, 1000] {
            let runs: Vec<Plan> = (0..plan_runs).map(|_| plan(&tf, &api.api, n)).collect();
            let wall = stats(runs.iter().map(|p| p.wall_s).collect());
            let cpu = stats(runs.iter().map(|p| p.provider_cpu_s).collect());
            let rss = stats(runs.iter().map(|p| p.peak_rss_mib).collect());
            worst_rss = worst_rss.max(rss.max);
            let ideal = floor.median + n as f64 * latency_ms as f64 / 1000.0 / 10.0;
            if latency_ms == 0 {
                at_zero.insert(n, wall.median);
            }
            let with_own = ideal + at_zero.get(&n).copied().unwrap_or(floor.median) - floor.median;
            if latency_ms == 20 {
                wall_ok &= wall.median <= ideal * 1.10;
                within_own_cost &= wall.median <= with_own * 1.10;
            }
            let _ = writeln!(
                out,
                "| {n} | {latency_ms} ms | {} | {ideal:.2} | {with_own:.2} | {} | {} |",
                fmt3(&wall),
                fmt3(&cpu),
                fmt3(&rss)
            );
        }
    }
    api.api.set_latency(Duration::ZERO);

    let hostile_rss = hostile_answers(&tf, &api.api, &mut out);
    let identical = identical_blocks(&tf, &api.api);
    let at_latency: Vec<(AtLatency, f64)> = at_latency_cases(identical)
        .into_iter()
        .map(|case| {
            let ratio = at_latency(&api.api, &runtime, &case, &mut out);
            (case, ratio)
        })
        .collect();

    let size = std::fs::metadata(BINARY).unwrap().len() as f64 / 1024.0 / 1024.0;
    let _ = writeln!(
        out,
        "\n## Footprint\n\n- Release binary (stripped): {size:.2} MiB\n"
    );

    let _ = writeln!(
        out,
        "## Targets\n\n| target | measured | |\n| --- | --- | --- |"
    );
    let _ = writeln!(
        out,
        "| start-up ≤ 1.5 ms median, mTLS on | {:.2} ms | {} |",
        mtls.median,
        verdict(mtls.median <= 1.5)
    );
    let _ = writeln!(
        out,
        "| peak RSS ≤ 12 MiB per process | {worst_rss:.1} MiB | {} |",
        verdict(worst_rss <= 12.0)
    );
    let _ = writeln!(
        out,
        "| peak RSS ≤ 150 MiB on any answer (hostile answers above) | {hostile_rss:.1} MiB | {} |",
        verdict(hostile_rss <= 150.0)
    );
    for (case, ratio) in &at_latency {
        let _ = writeln!(
            out,
            "| {} | {ratio:.2} | {} |",
            case.target,
            verdict(*ratio < case.most)
        );
    }
    let _ = writeln!(
        out,
        "| ten identical `katapult_disk` blocks send 1 request | {identical} | {} |",
        verdict(identical == 1)
    );
    let _ = writeln!(
        out,
        "| provider CPU ≤ 0.2 ms per read | {cpu_per_read:.3} ms | {} |",
        verdict(cpu_per_read <= 0.2)
    );
    let _ = writeln!(
        out,
        "| plan wall ≤ 110% of floor + N×20 ms/10 | see table | {} |",
        verdict(wall_ok)
    );
    let _ = writeln!(
        out,
        "| plan wall ≤ 110% of that plus Terraform's own cost per data source (its 0 ms run) | see table | {} |",
        verdict(within_own_cost)
    );
    let _ = writeln!(
        out,
        "| binary ≤ 8 MiB | {size:.2} MiB | {} |",
        verdict(size <= 8.0)
    );

    print!("{out}");
    let results = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/results.md");
    if !quick {
        std::fs::write(&results, &out).unwrap();
        eprintln!("wrote {}", results.display());
    }
}
