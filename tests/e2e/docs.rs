//! The committed docs are what the schema generates. Regenerate with
//! `UPDATE_DOCS=1 cargo test --test e2e docs::`.

use std::path::Path;

use katapult_provider::{datasource, docs};

fn check(path: &Path, want: &str, stale: &mut Vec<String>) {
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, want).unwrap();
        return;
    }
    if std::fs::read_to_string(path).ok().as_deref() != Some(want) {
        stale.push(path.display().to_string());
    }
}

#[test]
fn committed_docs_match_the_schema() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read =
        |p: &str| std::fs::read_to_string(root.join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
    let mut stale = Vec::new();
    check(
        &root.join("docs/index.md"),
        &docs::provider_page(&read("examples/provider/provider.tf")),
        &mut stale,
    );
    for ds in datasource::all() {
        let example = read(&format!(
            "examples/data-sources/{}/data-source.tf",
            ds.type_name()
        ));
        check(
            &root
                .join("docs/data-sources")
                .join(docs::data_source_file(*ds)),
            &docs::data_source_page(*ds, &example),
            &mut stale,
        );
    }
    for resource in datasource::ephemeral() {
        let example = read(&format!(
            "examples/ephemeral-resources/{}/ephemeral-resource.tf",
            resource.type_name()
        ));
        check(
            &root
                .join("docs/ephemeral-resources")
                .join(docs::data_source_file(*resource)),
            &docs::ephemeral_resource_page(*resource, &example),
            &mut stale,
        );
    }
    assert!(
        stale.is_empty(),
        "docs are stale: {}. Regenerate them with `UPDATE_DOCS=1 cargo test --test e2e docs::` and commit the result.",
        stale.join(", ")
    );
}
