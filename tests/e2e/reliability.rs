//! Reliability and security end to end: retries, pacing, parallelism,
//! timeouts, interrupts, hostile answers and secrets, with real Terraform
//! against the fake API.

use std::time::{Duration, Instant};

use katapult_testkit::fake_api::{self, generated, ids};
use katapult_testkit::terraform::{
    OwnApi, REQUIRED_PROVIDERS, TEST_API_KEY, Workspace, counted, terraforms,
    terraforms_taking_signals,
};

#[test]
fn two_hundred_disks_through_a_flaky_api_all_read_right() {
    for tf in terraforms() {
        let own = OwnApi::start();
        let ws = Workspace::with_api(tf, &counted(generated::FLAKY, 200, ""), &own.api);
        let states = ws.read_disk_states("d");
        assert_eq!(states.len(), 200);
        for state in &states {
            let id = state["id"].as_str().unwrap();
            let n = id.strip_prefix(generated::FLAKY).unwrap();
            assert_eq!(
                state["name"],
                format!("disk-{n}"),
                "Terraform {}",
                tf.version
            );
            assert_eq!(state["data_center"]["permalink"], "uk-lon-01");
        }
        let injected = own.api.failures_injected();
        assert!(
            injected >= 40,
            "only {injected} failures injected: the test proves little"
        );
        assert_eq!(
            own.api.requests(),
            200 + injected,
            "every failure retried once more, nothing else"
        );
    }
}

#[test]
fn a_retry_that_never_succeeds_says_how_hard_it_tried() {
    for tf in terraforms() {
        let config = format!(
            "{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{\n  max_retries = 2\n}}\n\
             data \"katapult_disk\" \"d\" {{\n  id = \"{}\"\n}}\n",
            ids::UNAVAILABLE
        );
        let own = OwnApi::start();
        let ws = Workspace::with_api(tf, &config, &own.api);
        let run = ws.run(&["plan", "-no-color"]);
        assert!(!run.success);
        let text = run.text();
        assert!(text.contains("Error: Katapult is unavailable"), "{text}");
        assert!(text.contains("Gave up after 3 attempts"), "{text}");
        assert_eq!(own.api.requests(), 3);
    }
}

#[test]
fn client_errors_are_never_retried() {
    for tf in terraforms() {
        let config = format!(
            "{REQUIRED_PROVIDERS}\ndata \"katapult_disk\" \"d\" {{\n  id = \"{}\"\n}}\n",
            ids::NOT_FOUND
        );
        let own = OwnApi::start();
        let ws = Workspace::with_api(tf, &config, &own.api);
        assert!(!ws.run(&["plan", "-no-color"]).success);
        assert_eq!(own.api.requests(), 1, "a 404 is final");
    }
}

#[test]
fn reads_run_as_parallel_as_terraform_allows() {
    for tf in terraforms() {
        for parallelism in [4usize, 10] {
            let own = OwnApi::start();
            let ws =
                Workspace::with_api(tf, &counted(generated::SLOW, 3 * parallelism, ""), &own.api);
            let flag = format!("-parallelism={parallelism}");
            let run = ws.run(&["plan", "-no-color", &flag]);
            assert!(run.success, "{}", run.text());
            assert_eq!(
                own.api.peak_in_flight(),
                parallelism,
                "Terraform {} with {flag}: the provider held reads back",
                tf.version
            );
        }
    }
}

#[test]
fn a_read_timeout_on_the_data_source_ends_a_stalled_read() {
    for tf in terraforms() {
        let config = format!(
            "{REQUIRED_PROVIDERS}\ndata \"katapult_disk\" \"d\" {{\n  id = \"{}\"\n  timeouts {{\n    read = \"2s\"\n  }}\n}}\n",
            ids::STALLED
        );
        let ws = Workspace::new(tf, &config);
        let started = Instant::now();
        let run = ws.run(&["plan", "-no-color"]);
        let took = started.elapsed();
        assert!(!run.success);
        assert!(
            run.text().contains("Error: Read timed out"),
            "{}",
            run.text()
        );
        assert!(
            run.text().contains(
                "time budget of 2s, set by timeouts { read = \"...\" } on this data source"
            ),
            "{}",
            run.text()
        );
        assert!(
            !run.text().contains("provider block"),
            "points at the provider's read_timeout: {}",
            run.text()
        );
        assert!(
            run.text().contains("read = \"2s\""),
            "at the attribute: {}",
            run.text()
        );
        assert!(took < Duration::from_secs(15), "took {took:?}");
    }
}

#[test]
fn an_invalid_read_timeout_is_caught_at_validate() {
    let config = format!(
        "{REQUIRED_PROVIDERS}\ndata \"katapult_disk\" \"d\" {{\n  id = \"disk_x\"\n  timeouts {{\n    read = \"forever\"\n  }}\n}}\n"
    );
    for tf in terraforms() {
        let run = Workspace::new(tf, &config).run(&["validate", "-no-color"]);
        assert!(!run.success);
        assert!(
            run.text().contains("Error: Invalid read timeout"),
            "{}",
            run.text()
        );
        assert!(
            run.text().contains("read = \"forever\""),
            "points at the attribute: {}",
            run.text()
        );
    }
}

/// Processes whose command line mentions `needle`.
fn processes_mentioning(needle: &str) -> Vec<u32> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        if let Ok(cmdline) = std::fs::read(entry.path().join("cmdline"))
            && String::from_utf8_lossy(&cmdline).contains(needle)
        {
            found.push(pid);
        }
    }
    found
}

#[test]
fn an_interrupted_plan_exits_promptly_and_leaves_nothing_behind() {
    for tf in terraforms_taking_signals() {
        let own = OwnApi::start();
        let config = format!(
            "{REQUIRED_PROVIDERS}\ndata \"katapult_disk\" \"a\" {{\n  id = \"{0}\"\n}}\n\
             data \"katapult_disk\" \"b\" {{\n  id = \"{0}\"\n}}\n",
            ids::STALLED
        );
        let ws = Workspace::with_api(tf, &config, &own.api);
        let mut terraform = ws.spawn(&["plan", "-no-color"]);
        let waiting = Instant::now();
        // Both blocks read the same disk: one request in flight for both
        // (identical requests are made once).
        while own.api.requests() < 1 {
            assert!(
                waiting.elapsed() < Duration::from_secs(20),
                "the reads never reached the API"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let plugin_path = ws.path().join("plugins").display().to_string();
        assert!(
            !processes_mentioning(&plugin_path).is_empty(),
            "the plugin is running"
        );

        let interrupted = Instant::now();
        // Ctrl-C: SIGINT to Terraform's whole process group, plugin included.
        std::process::Command::new("kill")
            .args(["-INT", "--", &format!("-{}", terraform.id())])
            .status()
            .unwrap();
        let status = loop {
            if let Some(status) = terraform.try_wait().unwrap() {
                break status;
            }
            assert!(
                interrupted.elapsed() < Duration::from_secs(10),
                "Terraform {} still running 10 s after Ctrl-C",
                tf.version
            );
            std::thread::sleep(Duration::from_millis(50));
        };
        assert!(!status.success(), "an interrupted plan does not succeed");
        assert!(
            interrupted.elapsed() < Duration::from_secs(5),
            "took {:?}",
            interrupted.elapsed()
        );

        // Terraform kills a plugin that lingers 2 s after Shutdown; ours must
        // be gone well before anyone needs to.
        let gone = Instant::now();
        while !processes_mentioning(&plugin_path).is_empty() {
            assert!(
                gone.elapsed() < Duration::from_secs(5),
                "a plugin process was left running"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let leftovers: Vec<_> = std::fs::read_dir(ws.path().join("tmp"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .filter(|n| {
                n.to_string_lossy()
                    .starts_with("terraform-provider-katapult")
            })
            .collect();
        assert!(
            leftovers.is_empty(),
            "socket directories left behind: {leftovers:?}"
        );
    }
}

fn hostile(id: &str, want: &[&str]) {
    for tf in terraforms() {
        let config = format!(
            "{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{\n  max_retries = 0\n}}\ndata \"katapult_disk\" \"d\" {{\n  id = \"{id}\"\n}}\n"
        );
        let run = Workspace::new(tf, &config).run(&["plan", "-no-color"]);
        assert!(!run.success, "{id}");
        let text = run.text();
        for w in want {
            assert!(
                text.contains(w),
                "Terraform {}: no {w:?} in {text}",
                tf.version
            );
        }
        assert!(!text.contains("panic"), "{text}");
    }
}

#[test]
fn hostile_truncated_json() {
    hostile(
        ids::TRUNCATED,
        &[
            "Error: Unexpected response from Katapult",
            "that are not JSON",
        ],
    );
}

#[test]
fn hostile_empty_200() {
    hostile(
        ids::EMPTY_OK,
        &[
            "Error: Unexpected response from Katapult",
            "HTTP 200 with an empty body",
        ],
    );
}

#[test]
fn hostile_huge_body_is_refused_unread() {
    hostile(
        ids::HUGE,
        &[
            "Error: Unexpected response from Katapult",
            "a body larger than 8 MiB",
        ],
    );
}

#[test]
fn missing_fields_become_nulls() {
    for tf in terraforms() {
        let config = format!(
            "{REQUIRED_PROVIDERS}\ndata \"katapult_disk\" \"d\" {{\n  id = \"{}\"\n}}\n",
            ids::MISSING_FIELDS
        );
        let state = Workspace::new(tf, &config).read_disk_state("d");
        assert_eq!(state["id"], ids::MISSING_FIELDS);
        assert!(
            state["name"].is_null()
                && state["data_center"].is_null()
                && state["installation"].is_null()
        );
        assert_eq!(state["annotations"], serde_json::json!([]));
    }
}

#[test]
fn a_redirect_to_another_host_never_carries_the_key() {
    for tf in terraforms() {
        let own = OwnApi::start();
        let config = format!(
            "{REQUIRED_PROVIDERS}\ndata \"katapult_disk\" \"d\" {{\n  id = \"{}\"\n}}\n",
            ids::REDIRECT
        );
        let state = Workspace::with_api(tf, &config, &own.api).read_disk_state("d");
        // The other host serves the real disk; the config's id is kept.
        assert_eq!(state["name"], "tf-acc-test-data-source-mKu5JbeLhav3");
        assert!(
            !own.api.redirect_saw_authorization(),
            "the API key went to another host"
        );
    }
}

#[test]
fn trace_logs_hold_neither_the_key_nor_protected_values() {
    for tf in terraforms() {
        let config = format!(
            "{REQUIRED_PROVIDERS}\ndata \"katapult_disk\" \"d\" {{\n  id = \"{}\"\n}}\n",
            fake_api::FULL_DISK_ID
        );
        let run = Workspace::new(tf, &config)
            .env("TF_LOG", Some("trace"))
            .run(&["plan", "-no-color"]);
        assert!(run.success, "{}", run.text());
        let provider_lines: Vec<&str> = run
            .stderr
            .lines()
            .filter(|l| l.contains("provider.terraform-provider-katapult") || l.contains("tf_rpc="))
            .collect();
        // Each API call's line names its disk, so with count or for_each a
        // user can tell which call was which.
        assert!(
            provider_lines
                .iter()
                .any(|l| l.contains("Katapult API answered") && l.contains(fake_api::FULL_DISK_ID)),
            "no API call line naming the disk at trace"
        );
        for line in &provider_lines {
            assert!(!line.contains(TEST_API_KEY), "API key in: {line}");
            assert!(
                !line.contains(fake_api::PROTECTED_VALUE),
                "protected value in: {line}"
            );
        }
        assert!(
            !run.stderr.contains(TEST_API_KEY),
            "the API key is somewhere in Terraform's trace log"
        );
    }
}

#[test]
fn a_go_provider_block_works_unchanged_and_the_user_agent_names_both() {
    let provider = "  api_key                 = \"kp_from_the_block\"\n  organization            = \"my-org\"\n  \
                    data_center             = \"uk-lon-01\"\n  skip_trash_object_purge = true\n  log_level               = \"debug\"";
    for tf in terraforms() {
        let own = OwnApi::start();
        let config = format!(
            "{REQUIRED_PROVIDERS}\nprovider \"katapult\" {{\n{provider}\n}}\ndata \"katapult_disk\" \"d\" {{\n  id = \"{}\"\n}}\n",
            fake_api::REAL_DISK_ID
        );
        let ws = Workspace::with_api(tf, &config, &own.api)
            .env("KATAPULT_ORGANIZATION", Some("env-org"))
            .env("KATAPULT_DATA_CENTER", Some("env-dc"))
            .env("TF_APPEND_USER_AGENT", Some("ci-pipeline/7"));
        assert_eq!(ws.read_disk_state("d")["id"], fake_api::REAL_DISK_ID);
        let agents = own.api.user_agents();
        let want = format!(
            "Terraform/{} (+https://www.terraform.io) terraform-provider-katapult/{} ci-pipeline/7",
            tf.version,
            env!("CARGO_PKG_VERSION")
        );
        assert_eq!(agents, [want]);
    }
}

#[test]
fn retry_after_is_honoured() {
    for tf in terraforms() {
        let own = OwnApi::start();
        let id = format!("{}1", generated::RETRY_AFTER);
        let config =
            format!("{REQUIRED_PROVIDERS}\ndata \"katapult_disk\" \"d\" {{\n  id = \"{id}\"\n}}\n");
        let state = Workspace::with_api(tf, &config, &own.api).read_disk_state("d");
        assert_eq!(state["name"], "disk-1");
        let arrivals = own.api.arrivals(&id);
        assert_eq!(arrivals.len(), 2, "one 429, one retry");
        let waited = arrivals[1] - arrivals[0];
        assert!(
            waited >= Duration::from_secs(1),
            "retried after {waited:?}, before Retry-After: 1"
        );
        assert!(waited < Duration::from_secs(3), "waited {waited:?}");
    }
}

#[test]
fn a_dropped_connection_is_retried() {
    for tf in terraforms() {
        let own = OwnApi::start();
        let config = counted(generated::DROPPED, 5, "");
        let states = Workspace::with_api(tf, &config, &own.api).read_disk_states("d");
        assert_eq!(states.len(), 5);
        for state in &states {
            let n = state["id"]
                .as_str()
                .unwrap()
                .strip_prefix(generated::DROPPED)
                .unwrap();
            assert_eq!(state["name"], format!("disk-{n}"));
            assert_eq!(
                own.api
                    .arrivals(&format!("{}{n}", generated::DROPPED))
                    .len(),
                2
            );
        }
    }
}

#[test]
fn reads_spread_out_when_the_rate_limit_budget_runs_low() {
    let tf = terraforms().last().unwrap();
    let span = |prefix: &str| {
        let own = OwnApi::start();
        let states =
            Workspace::with_api(tf, &counted(prefix, 20, ""), &own.api).read_disk_states("d");
        assert_eq!(states.len(), 20);
        let mut arrivals: Vec<Instant> = (0..20)
            .flat_map(|n| own.api.arrivals(&format!("{prefix}{n}")))
            .collect();
        arrivals.sort();
        arrivals[arrivals.len() - 1] - arrivals[0]
    };
    // The first 10 (Terraform's parallelism) go before any answer has told
    // the budget. Then, with it under half, what is left (400 of 1000 a
    // minute) is spread over a minute: a request every 60 s / 400 = 150 ms.
    let paced = span(generated::LOW_BUDGET);
    assert!(
        paced >= Duration::from_millis(1300),
        "20 reads within {paced:?}: not paced"
    );
    let unpaced = span(generated::PLAIN);
    assert!(
        unpaced < Duration::from_millis(1000),
        "a full budget must not slow reads: {unpaced:?}"
    );
}
