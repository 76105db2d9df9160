//! Regression tests from the adversarial review: each input here once made
//! the provider panic, hang, leak or mislead. Real Terraform against the
//! fake API (or a listener of the test's own).

use std::time::{Duration, Instant};

use katapult_testkit::fake_api::{self, generated};
use katapult_testkit::mirror::HttpsMirror;
use katapult_testkit::proxy::Proxy;
use katapult_testkit::terraform::{OwnApi, REQUIRED_PROVIDERS, Workspace, counted, terraforms};

#[test]
fn a_retry_after_no_clock_can_hold_is_a_rate_limit_error_not_a_panic() {
    for tf in terraforms() {
        let own = OwnApi::start();
        let ws = Workspace::with_api(
            tf,
            &counted(generated::HUGE_RETRY_AFTER, 1, "  read_timeout = \"20s\""),
            &own.api,
        );
        let started = Instant::now();
        let plan = ws.run(&["plan", "-no-color"]);
        let text = plan.text();
        assert!(!plan.success, "{text}");
        assert!(!text.contains("internal error"), "{text}");
        assert!(!text.contains("overflow"), "{text}");
        assert!(text.contains("rate limit"), "{text}");
        // The wait asked for is beyond the read's budget: no point waiting.
        assert!(started.elapsed() < Duration::from_secs(15), "{text}");
    }
}

#[test]
fn timeouts_beyond_a_day_are_refused_at_their_attribute() {
    let tf = terraforms().last().unwrap();
    let cases = [
        (
            counted(
                generated::PLAIN,
                1,
                "  read_timeout = \"99999999999999999h\"",
            ),
            "read_timeout",
        ),
        (
            counted(generated::PLAIN, 1, "  request_timeout = \"25h\""),
            "request_timeout",
        ),
        (
            format!(
                "{REQUIRED_PROVIDERS}\ndata \"katapult_disk\" \"d\" {{\n  id = \"{}\"\n  timeouts {{\n    read = \"18446744073709551615s\"\n  }}\n}}\n",
                fake_api::REAL_DISK_ID
            ),
            "read",
        ),
    ];
    for (config, attribute) in cases {
        let plan = Workspace::new(tf, &config).run(&["plan", "-no-color"]);
        let text = plan.text();
        assert!(!plan.success, "{text}");
        assert!(text.contains("longer than the 24h"), "{text}");
        assert!(text.contains(&format!("{attribute} =")), "{text}");
        assert!(!text.contains("internal error"), "{text}");
    }
}

#[test]
fn a_budget_that_recovers_releases_waiting_reads() {
    // 40 reads while the API reports 30 of 1000 left for 3 s, then 999.
    // Booking a slot per read (a request every 2 s) would push the last
    // ones 60 s out, past their 20 s budget; pacing must instead let them
    // all go once an answer shows the budget back.
    for tf in terraforms() {
        let own = OwnApi::start();
        let ws = Workspace::with_api(
            tf,
            &counted(generated::RECOVERING, 40, "  read_timeout = \"20s\""),
            &own.api,
        );
        let states = ws.read_disk_states("d");
        assert_eq!(states.len(), 40, "Terraform {}", tf.version);
        let mut arrivals: Vec<Instant> = (0..40)
            .flat_map(|n| own.api.arrivals(&format!("{}{n}", generated::RECOVERING)))
            .collect();
        arrivals.sort();
        let span = arrivals[arrivals.len() - 1] - arrivals[0];
        assert!(
            span >= fake_api::RECOVERY,
            "Terraform {}: not paced while the budget was low ({span:?})",
            tf.version
        );
        assert!(
            span < Duration::from_secs(12),
            "Terraform {}: reads held back after the budget recovered ({span:?})",
            tf.version
        );
    }
}

/// A configuration reading the real disk, with `provider` in the provider
/// block.
fn real_disk(provider: &str) -> String {
    format!(
        "{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{\n{provider}\n}}\n\
         data \"katapult_disk\" \"d\" {{\n  id = \"{}\"\n}}\n\
         output \"name\" {{\n  value = data.katapult_disk.d.name\n}}\n",
        fake_api::REAL_DISK_ID
    )
}

const REAL_NAME: &str = "tf-acc-test-data-source-mKu5JbeLhav3";

const PROXY_VARIABLES: [&str; 6] = [
    "HTTP_PROXY",
    "http_proxy",
    "HTTPS_PROXY",
    "https_proxy",
    "ALL_PROXY",
    "all_proxy",
];

#[test]
fn a_loopback_api_is_never_reached_through_a_proxy() {
    let proxy = Proxy::start("127.0.0.1:9".parse().unwrap());
    for tf in terraforms() {
        let own = OwnApi::start();
        let mut ws = Workspace::with_api(tf, &real_disk(""), &own.api);
        for var in PROXY_VARIABLES {
            ws = ws.env(var, Some(&proxy.url));
        }
        let plan = ws.run(&["plan", "-no-color"]);
        assert!(plan.success, "Terraform {}: {}", tf.version, plan.text());
        assert!(plan.text().contains(REAL_NAME), "{}", plan.text());
        assert!(own.api.requests() >= 1);
    }
    assert_eq!(proxy.seen(), Vec::<String>::new(), "the proxy got requests");
}

/// A stand-in for the remote API: HTTPS with a throwaway CA, for
/// `api.katapult.test`, serving the real disk.
fn remote_api() -> (HttpsMirror, tempfile::TempDir, tempfile::NamedTempFile) {
    let root = tempfile::tempdir().unwrap();
    let disks = root.path().join("core/v1/disks");
    std::fs::create_dir_all(&disks).unwrap();
    std::fs::write(
        disks.join("disk"),
        fake_api::recorded("disks/disk", fake_api::REAL_DISK_ID),
    )
    .unwrap();
    let api = HttpsMirror::serve_as(root.path().to_path_buf(), &["api.katapult.test"]);
    let ca = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(ca.path(), &api.ca_pem).unwrap();
    (api, root, ca)
}

#[test]
fn https_proxy_tunnels_to_a_remote_api_and_no_proxy_is_honoured() {
    let (api, _root, ca) = remote_api();
    let proxy = Proxy::start(format!("127.0.0.1:{}", api.port()).parse().unwrap());
    let api_url = format!("https://api.katapult.test:{}", api.port());
    for tf in terraforms() {
        let config = real_disk(&format!("  api_url = \"{api_url}\""));
        let ws = Workspace::new(tf, &config)
            .env("SSL_CERT_FILE", Some(ca.path().to_str().unwrap()))
            .env("HTTPS_PROXY", Some(&proxy.url));
        let plan = ws.run(&["plan", "-no-color"]);
        assert!(plan.success, "Terraform {}: {}", tf.version, plan.text());
        assert!(plan.text().contains(REAL_NAME), "{}", plan.text());
        let seen = proxy.seen();
        let last = seen.last().expect("the proxy was used");
        assert!(
            last.starts_with(&format!("CONNECT api.katapult.test:{} ", api.port())),
            "{last}"
        );
        assert!(!last.to_lowercase().contains("authorization"), "{last}");

        // NO_PROXY: the provider goes direct, and the name does not resolve.
        let before = proxy.seen().len();
        let direct = ws
            .env("NO_PROXY", Some("api.katapult.test"))
            .run(&["plan", "-no-color"]);
        assert!(!direct.success, "{}", direct.text());
        assert!(
            direct.text().contains("does not resolve"),
            "{}",
            direct.text()
        );
        assert_eq!(proxy.seen().len(), before, "NO_PROXY was ignored");
    }
}

#[test]
fn a_key_read_from_a_file_works_and_a_broken_key_is_named_not_retried() {
    for tf in terraforms() {
        let own = OwnApi::start();
        // file("key.txt") leaves a trailing newline: trimmed.
        let config = real_disk("  api_key = \"kp_from_a_file\\n\"");
        let plan = Workspace::with_api(tf, &config, &own.api).run(&["plan", "-no-color"]);
        assert!(plan.success, "Terraform {}: {}", tf.version, plan.text());

        let before = own.api.requests();
        let config = real_disk("  api_key = \"kp_abc\\u0007def\"");
        let plan = Workspace::with_api(tf, &config, &own.api).run(&["plan", "-no-color"]);
        let text = plan.text();
        assert!(!plan.success, "{text}");
        assert!(text.contains("Invalid Katapult API key"), "{text}");
        assert!(
            text.contains("a control character at character 7"),
            "{text}"
        );
        assert!(text.contains("api_key ="), "not at the attribute: {text}");
        // Terraform quotes the configuration's line; the message adds nothing.
        assert_eq!(text.matches("abc").count(), 1, "the key is shown: {text}");

        let plan = Workspace::with_api(tf, &real_disk(""), &own.api)
            .env("KATAPULT_API_KEY", Some("kp abc"))
            .run(&["plan", "-no-color"]);
        let text = plan.text();
        assert!(!plan.success, "{text}");
        assert!(
            text.contains("From the KATAPULT_API_KEY environment variable"),
            "{text}"
        );
        assert!(text.contains("a space at character 3"), "{text}");
        assert_eq!(own.api.requests(), before, "a broken key was sent");
    }
}

#[test]
fn a_bad_api_url_names_its_source_and_never_shows_a_password() {
    let tf = terraforms().last().unwrap();
    let plan = Workspace::new(tf, &real_disk(""))
        .env("KATAPULT_API_URL", Some("http://api.example.com"))
        .run(&["plan", "-no-color"]);
    let text = plan.text();
    assert!(!plan.success, "{text}");
    assert!(
        text.contains("From the KATAPULT_API_URL environment variable"),
        "{text}"
    );
    assert!(text.contains("plain http"), "{text}");
    assert!(
        !text.contains("api_url ="),
        "blamed the configuration: {text}"
    );

    for url in [
        "https://user:hunter2@api.katapult.io",
        "https://user:hunter2@[broken",
    ] {
        let plan = Workspace::new(tf, &real_disk(&format!("  api_url = \"{url}\"")))
            .run(&["plan", "-no-color"]);
        let text = plan.text();
        assert!(!plan.success, "{text}");
        assert!(text.contains("api_url ="), "not at the attribute: {text}");
        // Terraform quotes the configuration's line; the message adds nothing.
        assert_eq!(
            text.matches("hunter2").count(),
            1,
            "the password is shown: {text}"
        );
    }
}

#[test]
fn a_host_that_does_not_resolve_fails_at_once() {
    let tf = terraforms().last().unwrap();
    let started = Instant::now();
    let plan = Workspace::new(
        tf,
        &real_disk("  api_url = \"https://api.katapult.invalid\""),
    )
    .run(&["plan", "-no-color"]);
    let text = plan.text();
    assert!(!plan.success, "{text}");
    assert!(text.contains("Cannot find Katapult's host"), "{text}");
    assert!(text.contains("api.katapult.invalid"), "{text}");
    assert!(!text.contains("attempts"), "retried: {text}");
    assert!(!text.contains("Try again"), "{text}");
    assert!(started.elapsed() < Duration::from_secs(8), "{text}");
}

#[test]
fn an_answer_that_is_not_http_is_not_retried() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let connections = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counted = std::sync::Arc::clone(&connections);
    std::thread::spawn(move || {
        use std::io::{Read, Write};
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
            let _ = stream.read(&mut [0u8; 4096]);
            let _ = stream.write_all(b"\x16\x03garbage that is not HTTP\r\n\r\n");
        }
    });
    let tf = terraforms().last().unwrap();
    let plan = Workspace::new(tf, &real_disk(&format!("  api_url = \"http://{addr}\"")))
        .run(&["plan", "-no-color"]);
    let text = plan.text();
    assert!(!plan.success, "{text}");
    assert!(text.contains("not valid HTTP"), "{text}");
    assert!(!text.contains("Try again"), "{text}");
    assert_eq!(
        connections.load(std::sync::atomic::Ordering::SeqCst),
        1,
        "retried: {text}"
    );
}

#[test]
fn server_text_reaches_the_terminal_escaped_and_cut() {
    for tf in terraforms() {
        for id in [fake_api::ids::ESCAPES, fake_api::ids::ESCAPED_IP] {
            let config = format!(
                "{REQUIRED_PROVIDERS}\ndata \"katapult_disk\" \"d\" {{\n  id = \"{id}\"\n}}\n"
            );
            let plan = Workspace::new(tf, &config).run(&["plan", "-no-color"]);
            assert!(!plan.success);
            let raw = format!("{}{}", plan.stdout, plan.stderr);
            assert!(
                !raw.contains('\u{1b}') && !raw.contains('\u{7}'),
                "Terraform {}: a raw escape reached the terminal:\n{}",
                tf.version,
                raw.escape_debug()
            );
            assert!(raw.len() < 10_000, "{} bytes of output", raw.len());
            let text = plan.text();
            assert!(text.contains("\\u{1b}[2J"), "{text}");
            if id == fake_api::ids::ESCAPES {
                assert!(text.contains("more characters cut"), "{text}");
            }
        }
    }
}

#[test]
fn numbers_beyond_u64_and_f64_reach_the_state_exactly() {
    for tf in terraforms() {
        let config = format!(
            "{REQUIRED_PROVIDERS}\ndata \"katapult_disk\" \"d\" {{\n  id = \"{}\"\n}}\n",
            fake_api::ids::EXACT_NUMBERS
        );
        let state = Workspace::new(tf, &config).read_disk_state("d");
        let text = |v: &serde_json::Value| v.to_string();
        assert_eq!(
            text(&state["size_in_gb"]),
            "18446744073709551616",
            "Terraform {}",
            tf.version
        );
        assert_eq!(
            text(&state["io_profile"]["iops"]),
            "0.1",
            "Terraform {}",
            tf.version
        );
        // cty writes it out in full; either way, exactly 10^-400, not 0.
        let tiny = text(&state["io_profile"]["speed_in_mb"]);
        let expanded = format!("0.{}1", "0".repeat(399));
        assert!(
            tiny == "1e-400" || tiny == expanded,
            "Terraform {}: speed_in_mb = {tiny}",
            tf.version
        );
    }
}

#[test]
fn an_unknown_field_nested_past_any_parser_limit_is_ignored() {
    for tf in terraforms() {
        let config = format!(
            "{REQUIRED_PROVIDERS}\ndata \"katapult_disk\" \"d\" {{\n  id = \"{}\"\n}}\n",
            fake_api::ids::DEEP_UNKNOWN
        );
        let state = Workspace::new(tf, &config).read_disk_state("d");
        assert_eq!(state["name"], REAL_NAME, "Terraform {}", tf.version);
        assert_eq!(state["wwn"], "080643a44c133d4c", "Terraform {}", tf.version);
    }
}

#[test]
fn log_level_is_a_floor_and_a_bad_one_is_named() {
    let tf = terraforms().last().unwrap();
    let api_lines = |provider: &str, env: Option<&str>| {
        let run = Workspace::new(tf, &real_disk(provider))
            .env("TF_LOG_PROVIDER", Some("debug"))
            .env("KATAPULT_LOG_LEVEL", env)
            .run(&["plan", "-no-color"]);
        assert!(run.success, "{}", run.text());
        run.stderr.matches("Katapult API answered").count()
    };
    assert!(api_lines("", None) > 0, "no debug lines without a floor");
    assert_eq!(api_lines("  log_level = \"warn\"", None), 0);
    assert_eq!(api_lines("", Some("error")), 0);
    assert!(
        api_lines("  log_level = \"DEBUG\"", Some("error")) > 0,
        "configuration beats environment"
    );
    // `off`, in any case, as the Go provider takes it.
    assert_eq!(api_lines("  log_level = \"OFF\"", None), 0);
    // From the environment, the floor holds from the very first line: not
    // one of the provider's own lines (they carry tf_rpc) at debug.
    let provider_lines = |env: &str| {
        let run = Workspace::new(tf, &real_disk(""))
            .env("TF_LOG_PROVIDER", Some("debug"))
            .env("KATAPULT_LOG_LEVEL", Some(env))
            .run(&["plan", "-no-color"]);
        assert!(run.success, "{}", run.text());
        run.stderr
            .lines()
            .filter(|l| l.contains("tf_rpc=") && l.contains("[DEBUG]"))
            .count()
    };
    assert_eq!(provider_lines("warn"), 0);
    assert_eq!(provider_lines("Off"), 0);

    let plan =
        Workspace::new(tf, &real_disk("  log_level = \"verbose\"")).run(&["plan", "-no-color"]);
    let text = plan.text();
    assert!(!plan.success, "{text}");
    assert!(text.contains("Invalid log_level"), "{text}");
    assert!(
        text.contains("log_level = \"verbose\""),
        "not at the attribute: {text}"
    );
    assert!(
        text.contains("trace, debug, info, warn, error, off"),
        "{text}"
    );

    let plan = Workspace::new(tf, &real_disk(""))
        .env("KATAPULT_LOG_LEVEL", Some("loud"))
        .run(&["plan", "-no-color"]);
    let text = plan.text();
    assert!(!plan.success, "{text}");
    assert!(
        text.contains("From the KATAPULT_LOG_LEVEL environment variable"),
        "{text}"
    );
}

/// A disk configuration for `id`, with `provider` in the provider block.
fn disk(id: &str, provider: &str) -> String {
    format!(
        "{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{\n{provider}\n}}\n\
         data \"katapult_disk\" \"d\" {{\n  id = \"{id}\"\n}}\n"
    )
}

#[test]
fn answers_that_would_cost_gigabytes_are_refused_naming_the_list() {
    let tf = terraforms().last().unwrap();
    for (id, list) in [
        (
            fake_api::ids::HUGE_ATTRIBUTES,
            "disk.installation.attributes",
        ),
        (fake_api::ids::HUGE_ANNOTATIONS, "annotations"),
    ] {
        let plan = Workspace::new(tf, &disk(id, "")).run(&["plan", "-no-color"]);
        let text = plan.text();
        assert!(!plan.success, "{id}: {text}");
        assert!(
            text.contains(&format!(
                "more JSON than this provider reads ({list} holds more than 10000 items)"
            )),
            "{id}: {text}"
        );
        assert!(text.len() < 5000, "{id}: {} bytes of output", text.len());
    }
}

#[test]
fn no_number_in_an_error_detail_hides_the_error() {
    let tf = terraforms().last().unwrap();
    let plan = Workspace::new(tf, &disk(fake_api::ids::BIG_DETAIL, "")).run(&["plan", "-no-color"]);
    let text = plan.text();
    assert!(!plan.success, "{text}");
    assert!(text.contains("Disk not found"), "{text}");
    assert!(!text.contains("unexpected shape"), "{text}");
    let plan =
        Workspace::new(tf, &disk(fake_api::ids::TRASH_FOREVER, "")).run(&["plan", "-no-color"]);
    let text = plan.text();
    assert!(!plan.success, "{text}");
    assert!(text.contains("Disk is in the trash"), "{text}");
    assert!(
        text.contains("kept there until 18446744073709551616 (as Katapult wrote it)"),
        "{text}"
    );
}

#[test]
fn a_number_terraform_cannot_store_is_our_error_at_its_attribute() {
    for tf in terraforms() {
        let ws = Workspace::new(tf, &disk(fake_api::ids::INFINITE_SIZE, ""));
        let run = ws.run(&["apply", "-auto-approve", "-no-color"]);
        let text = run.text();
        assert!(!run.success, "{text}");
        assert!(text.contains("Number out of range"), "{text}");
        assert!(text.contains("size_in_gb is 1e+999999999"), "{text}");
        assert!(!text.to_lowercase().contains("infinity"), "{text}");
    }
}

#[test]
fn an_installation_attribute_without_its_protect_flag_is_kept_secret() {
    for tf in terraforms() {
        let config = format!(
            "{}output \"installation\" {{\n  value = data.katapult_disk.d.installation\n}}\n",
            disk(fake_api::ids::UNFLAGGED_SECRET, "")
        );
        let ws = Workspace::new(tf, &config);
        let state = ws.read_disk_state("d");
        let values: Vec<&serde_json::Value> = state["installation"]["attributes"]
            .as_array()
            .expect("attributes")
            .iter()
            .map(|a| &a["value"])
            .collect();
        assert!(values.iter().all(|v| v.is_null()), "{values:?}");
        assert_eq!(
            state["protected_attributes"]["root_password"],
            fake_api::UNFLAGGED_VALUE
        );
        assert_eq!(state["protected_attributes"]["hostname"], "web-01");
        let output = ws.run(&["output", "-no-color", "installation"]);
        assert!(output.success, "{}", output.text());
        assert!(
            !output.text().contains(fake_api::UNFLAGGED_VALUE),
            "{}",
            output.text()
        );
    }
}

#[test]
fn a_user_agent_suffix_no_header_can_carry_is_named() {
    let tf = terraforms().last().unwrap();
    let ws = Workspace::new(tf, &disk(fake_api::REAL_DISK_ID, ""))
        .env("TF_APPEND_USER_AGENT", Some("ci-run\nX-Injected: 1"));
    let plan = ws.run(&["plan", "-no-color"]);
    let text = plan.text();
    assert!(!plan.success, "{text}");
    assert!(text.contains("Invalid TF_APPEND_USER_AGENT"), "{text}");
    assert!(text.contains("holds a line break at character 7"), "{text}");
    assert!(!text.contains("builder error"), "{text}");
}

#[test]
fn a_password_in_an_api_url_that_does_not_parse_is_never_shown() {
    let tf = terraforms().last().unwrap();
    for url in [
        "https://admin:hun#ter2@api.example.com",
        "https://admin:hun/ter2@api.example.com",
        "admin:hunter2@api example.com",
    ] {
        let ws = Workspace::new(tf, &disk(fake_api::REAL_DISK_ID, ""))
            .env("KATAPULT_API_URL", Some(url));
        let plan = ws.run(&["plan", "-no-color"]);
        let text = plan.text();
        assert!(!plan.success, "{url}: {text}");
        assert!(text.contains("Invalid Katapult API URL"), "{url}: {text}");
        assert!(text.contains("KATAPULT_API_URL"), "{url}: {text}");
        assert!(!text.contains("ter2"), "{url}: {text}");
    }
}

#[test]
fn configuration_values_are_cut_where_a_message_repeats_them() {
    let tf = terraforms().last().unwrap();
    let huge = "x".repeat(200_000);
    let config = format!(
        "{REQUIRED_PROVIDERS}\ndata \"katapult_disk\" \"d\" {{\n  id = \"{huge}\"\n  timeouts {{\n    read = \"{huge}\"\n  }}\n}}\n"
    );
    let plan = Workspace::new(tf, &config).run(&["plan", "-no-color"]);
    let text = plan.text();
    assert!(!plan.success);
    assert!(
        text.contains("Invalid read timeout"),
        "{}",
        &text[..text.len().min(3000)]
    );
    assert!(
        text.contains("more characters cut"),
        "{}",
        &text[..text.len().min(3000)]
    );
    // The id is past its bound too (issue 33 item 3): its own error.
    assert!(
        text.contains("Error: ID too long"),
        "{}",
        &text[..text.len().min(3000)]
    );
    // Terraform itself shows the offending line of the file (once for each
    // of the two errors); the provider's messages add at most a few
    // hundred characters.
    assert!(text.len() < 2 * huge.len() + 5000, "{} bytes", text.len());
}

/// Issue 33 item 5: a security group rule whose `direction` is a number
/// or a list was dropped from both rule lists, a clean plan with a rule
/// missing; now each data source that splits the rules fails, naming the
/// rule's `direction` and what the API sent.
#[test]
fn a_rule_direction_of_the_wrong_type_is_an_error_not_a_missing_rule() {
    let config = format!(
        "{REQUIRED_PROVIDERS}\n\
         data \"katapult_security_group\" \"g\" {{\n  id = \"sg_WrongDirection01\"\n}}\n\
         data \"katapult_security_group_rules\" \"r\" {{\n  security_group_id = \"sg_WrongDirection01\"\n}}\n"
    );
    for tf in terraforms() {
        let text = crate::harness::failed_plan(tf, &config);
        let want = "security_group_rules[1].direction should be a string (`inbound` or \
                    `outbound`) but the API sent a number";
        assert_eq!(
            text.matches(want).count(),
            2,
            "Terraform {}: both data sources: {text}",
            tf.version
        );
        assert_eq!(
            text.matches("Error: Unexpected response from Katapult")
                .count(),
            2,
            "{text}"
        );
        assert!(!text.contains("internal error"), "{text}");
    }
}

/// Issue 33 item 6: what the Go provider skips or leaves out is no failed
/// read. A machine's disk entry without its `disk` is skipped with a
/// warning, the other disk listed; a disk template whose organization's
/// template list cannot be read (an organization Katapult does not know)
/// is still returned, `template_version` null, with a warning saying why.
/// Both warnings show in Terraform's output and the apply succeeds.
#[test]
fn what_the_go_provider_skips_is_a_warning_not_a_failed_read() {
    let config = format!(
        "{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{\n  organization = \"no-such-organization\"\n}}\n\
         data \"katapult_virtual_machine_disks\" \"vm\" {{\n  virtual_machine_id = \"vm_DiskMissing0000001\"\n}}\n\
         data \"katapult_disk_template\" \"t\" {{\n  id = \"dtpl_GS03NCmS1Z17rXHq\"\n}}\n"
    );
    for tf in terraforms() {
        let own = OwnApi::start();
        let ws = Workspace::with_api(tf, &config, &own.api);
        let run = ws.run(&["apply", "-auto-approve", "-no-color"]);
        let text = run.text();
        assert!(run.success, "Terraform {}: {text}", tf.version);
        for want in [
            "Warning: Virtual machine disk without its disk",
            "Katapult listed 2 disk entries of the virtual machine \"vm_DiskMissing0000001\" \
             without the disk attached, so `disks` leaves them out",
            "Warning: template_version not read",
            "The template was found, but the organization's template list, which alone carries \
             its latest version's number, could not be read (",
            "no-such-organization",
        ] {
            assert!(
                text.contains(want),
                "Terraform {}: no {want:?} in {text}",
                tf.version
            );
        }
        let [disks, template] = &crate::harness::applied(
            &ws,
            &[
                ("katapult_virtual_machine_disks", "vm"),
                ("katapult_disk_template", "t"),
            ],
        );
        let ids: Vec<&str> = disks["disks"]
            .as_array()
            .expect("disks")
            .iter()
            .map(|d| d["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["disk_gdsdytx0oVyB6nUP"]);
        assert_eq!(template["name"], "Ubuntu 20.04");
        assert!(template["template_version"].is_null(), "{template}");
    }
}
