//! Replays every input kept in fuzz/regressions/ (crashes a fuzzer found,
//! since fixed, and seeds) through the fuzz targets' properties.

use std::path::Path;

use crate::properties;

fn replay(target: &str, property: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        let outcome = std::panic::catch_unwind(|| property(&data));
        assert!(outcome.is_ok(), "{} fails again", path.display());
        count += 1;
    }
    count
}

#[test]
fn msgpack_decode_regressions() {
    assert!(replay("msgpack_decode", properties::msgpack_round_trip) > 0);
}

#[test]
fn disk_mapping_regressions() {
    assert!(replay("disk_mapping", properties::disk_mapping) > 0);
}
