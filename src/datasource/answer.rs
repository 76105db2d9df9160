//! An answer's shape: the object an endpoint answers with sits under its
//! key (`{"disk": {...}, "annotations": [...]}`), and anything else is an
//! answer this provider cannot read.

use serde_json::{Map, Value as Json};

use super::error::ReadError;

/// An object of the answer's JSON, by field name.
pub type Fields = Map<String, Json>;

/// The object under `key` in `answer`, and what sits beside it.
pub fn object(answer: Json, key: &str) -> Result<(Fields, Fields), ReadError> {
    let Json::Object(mut root) = answer else {
        return Err(ReadError::unexpected("JSON that is not an object"));
    };
    match root.remove(key) {
        Some(Json::Object(object)) => Ok((object, root)),
        _ => Err(ReadError::unexpected(format!(
            "JSON without a \"{key}\" object"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_object_is_taken_from_under_its_key() {
        let (disk, rest) = object(json!({"disk": {"id": "d"}, "annotations": []}), "disk").unwrap();
        assert_eq!(disk["id"], "d");
        assert_eq!(rest["annotations"], json!([]));
        for (answer, want) in [
            (json!([]), "not an object"),
            (json!({"disk": []}), "without a \"disk\" object"),
            (json!({"disks": {}}), "without a \"disk\" object"),
        ] {
            let err = object(answer, "disk").unwrap_err().to_string();
            assert!(err.contains(want), "{err}");
        }
    }
}
