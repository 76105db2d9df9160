//! Properties the fuzz targets check on arbitrary input, shared with the
//! regression test that replays every input a fuzzer ever found
//! (`fuzz_regressions`). One file, two users: a module of this test crate,
//! and the fuzz crate's library (`[lib] path` in `fuzz/Cargo.toml`), which
//! its targets call.

use std::collections::BTreeMap;

use katapult_provider::datasource;
use katapult_provider::tftypes::{self, Type, Value};

/// Types to decode arbitrary bytes as: the data source's whole configuration
/// and a few smaller shapes, so both deep and shallow paths are exercised.
fn types() -> Vec<Type> {
    let disk = datasource::find("katapult_disk")
        .expect("katapult_disk")
        .schema()
        .ty()
        .clone();
    vec![
        disk,
        Type::String,
        Type::Number,
        Type::List(Box::new(Type::Object(BTreeMap::from([
            ("k".to_owned(), Type::Bool),
            ("n".to_owned(), Type::Number),
        ])))),
    ]
}

/// Decoding never panics; whatever decodes and encodes again decodes to the
/// same value.
pub fn msgpack_round_trip(data: &[u8]) {
    for ty in types() {
        let Ok(value) = tftypes::decode_msgpack(data, &ty) else {
            continue;
        };
        if let Ok(bytes) = tftypes::encode_msgpack(&value, &ty) {
            assert_eq!(
                tftypes::decode_msgpack(&bytes, &ty),
                Ok(value),
                "round trip as {ty:?}"
            );
        }
    }
}

/// Mapping any JSON disk never panics, and what it produces always fits the
/// data source's schema.
pub fn disk_mapping(data: &[u8]) {
    let Ok(answer) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    let schema = datasource::find("katapult_disk")
        .expect("katapult_disk")
        .schema();
    if let Ok(mut state) = datasource::Disk.state(answer) {
        // What the read adds from the configuration.
        state.insert("id".to_owned(), Value::Null);
        state.insert("timeouts".to_owned(), Value::Null);
        tftypes::encode_msgpack(&Value::Object(state), schema.ty())
            .expect("a mapped disk always encodes");
    }
}
