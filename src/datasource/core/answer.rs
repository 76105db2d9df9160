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

/// The objects of the list under `key` in `answer` (a list answer that
/// does not page: `{"data_centers": [...]}`).
pub fn list(answer: Json, key: &str) -> Result<Vec<Fields>, ReadError> {
    let Json::Object(mut root) = answer else {
        return Err(ReadError::unexpected("JSON that is not an object"));
    };
    let Some(Json::Array(items)) = root.remove(key) else {
        return Err(ReadError::unexpected(format!(
            "JSON without a \"{key}\" list"
        )));
    };
    items
        .into_iter()
        .map(|item| match item {
            Json::Object(fields) => Ok(fields),
            _ => Err(ReadError::unexpected(format!(
                "a \"{key}\" list holding something other than objects"
            ))),
        })
        .collect()
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

    #[test]
    fn a_list_is_taken_from_under_its_key() {
        let items = list(json!({"things": [{"id": "a"}, {"id": "b"}]}), "things").unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[1]["id"], "b");
        for (answer, want) in [
            (json!([]), "not an object"),
            (json!({"things": {}}), "without a \"things\" list"),
            (json!({"other": []}), "without a \"things\" list"),
            (json!({"things": [1]}), "other than objects"),
        ] {
            let err = list(answer, "things").unwrap_err().to_string();
            assert!(err.contains(want), "{err}");
        }
    }
}
