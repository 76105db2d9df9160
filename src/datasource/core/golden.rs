//! Golden states: every recorded answer of the fake Katapult API
//! (`testkit/answers/PATH/NAME.json`) read by every data source and
//! ephemeral resource that maps that endpoint's answers, the whole state
//! (or the error, summary, detail and attribute) compared with the one
//! stored, reviewed once, in `tests/golden/states/PATH/NAME.TYPE.json`.
//! Rewrite them with `UPDATE_GOLDEN=1` and read the diff.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::{Value as Json, json};

use crate::tftypes::{Number, Value};

use super::source::{Answers, DataSource};
use super::testing;

/// A state as JSON, numbers exactly as they are held.
fn to_json(value: &Value) -> Json {
    match value {
        Value::Null | Value::Unknown => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Number(n) => {
            let text = match n {
                Number::Int(i) => i.to_string(),
                Number::UInt(u) => u.to_string(),
                Number::Float(f) => f.to_string(),
                Number::Decimal(d) => d.clone(),
            };
            serde_json::from_str(&text).unwrap_or(Json::String(text))
        }
        Value::String(s) => Json::String(s.clone()),
        Value::List(items) => Json::Array(items.iter().map(to_json).collect()),
        Value::Object(fields) => Json::Object(
            fields
                .iter()
                .map(|(k, v)| (k.clone(), to_json(v)))
                .collect(),
        ),
    }
}

/// The recorded answers of `answers.path`, by name, sorted.
fn recorded(root: &Path, answers: &Answers) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(root.join(answers.path)) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "json"))
        .filter_map(|p| Some(p.file_stem()?.to_string_lossy().into_owned()))
        .collect();
    names.sort();
    names
}

/// What `ds` reads from the answer `name`: its state, or its error.
async fn read(url: &str, ds: &dyn DataSource, answers: &Answers, name: &str) -> Json {
    let (organization, config) = match answers.argument {
        Some(argument) => ("", testing::config(&[(argument, Value::from(name))])),
        None => (name, testing::config(&[])),
    };
    match testing::read(url, organization, ds, &config).await {
        Ok(state) => json!({ "state": to_json(&state) }),
        Err(error) => {
            let diag = error.diagnostic(&ds.reads());
            json!({ "error": {
                "summary": diag.summary,
                "detail": diag.detail,
                "at": diag.path.map(|p| p.to_string()),
            }})
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_recorded_answer_reads_to_its_golden_state() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = manifest.join("testkit/answers");
    let golden = manifest.join("tests/golden/states");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let api = katapult_testkit::fake_api::FakeApi::start().await.unwrap();
    let mut written: BTreeSet<PathBuf> = BTreeSet::new();
    let mut differ = Vec::new();
    let lists = [
        ("", super::super::all()),
        (".ephemeral", super::super::ephemeral()),
    ];
    for (suffix, list) in lists {
        for ds in list {
            let Some(answers) = ds.answers() else {
                continue;
            };
            for name in recorded(&root, &answers) {
                let got = read(&api.url(), *ds, &answers, &name).await;
                let file = golden
                    .join(answers.path)
                    .join(format!("{name}.{}{suffix}.json", ds.type_name()));
                let text = serde_json::to_string_pretty(&got).unwrap() + "\n";
                if update {
                    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
                    std::fs::write(&file, &text).unwrap();
                } else if std::fs::read_to_string(&file).ok().as_deref() != Some(&text) {
                    differ.push(file.display().to_string());
                }
                written.insert(file);
            }
        }
    }
    assert!(!written.is_empty(), "no golden states");
    let mut stale = Vec::new();
    let mut dirs = vec![golden.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if !written.contains(&path) {
                if update {
                    std::fs::remove_file(&path).unwrap();
                } else {
                    stale.push(path.display().to_string());
                }
            }
        }
    }
    assert!(
        differ.is_empty() && stale.is_empty(),
        "{} golden states differ from what the recorded answers read to, {} belong to no \
         answer (rewrite with UPDATE_GOLDEN=1 and review the diff):\n{}\n{}",
        differ.len(),
        stale.len(),
        differ.join("\n"),
        stale.join("\n")
    );
}
