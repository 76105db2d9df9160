//! Lists whose items are each read by themselves, because the list leaves
//! out what their own read gives (a load balancer's certificate and
//! weights, a rule's health checks): every page of the list, then each
//! item's read, many at once within the rate-limit budget and the read's
//! one deadline (`pager::get_each`). An item gone between the list and its
//! read means the list moved: the whole is read again (`pager::consistent`),
//! up to its limit, then a clear error.

use serde_json::Value as Json;

use crate::katapult;
use crate::text::quoted;

use super::answer::{self, Fields};
use super::error::ReadError;
use super::pager::{self, Listing, Pass};

/// How one item of a list is read by itself.
#[derive(Debug)]
pub struct ItemRead {
    /// Its endpoint, under `/core/v1/`: `load_balancers/load_balancer`.
    pub path: &'static str,
    /// The query parameter its list ID is sent as: `load_balancer[id]`.
    pub key: &'static str,
    /// The answer's key for the object: `load_balancer`.
    pub object: &'static str,
    /// The code of its "not found": `load_balancer_not_found`.
    pub not_found: &'static str,
    /// The item, for messages: "load balancer".
    pub noun: &'static str,
}

/// Every item of `listing`, in the list's order, each as its own read
/// answers it: the object, and what sits beside it (its annotations).
/// `on_error` says what the list's errors mean; an item's read errors are
/// the API's own.
pub async fn read_each(
    client: &katapult::Client,
    listing: &Listing<'_>,
    item: &ItemRead,
    budget: &katapult::Budget,
    on_error: &(dyn Fn(katapult::Error) -> ReadError + Sync),
) -> Result<Vec<(Fields, Fields)>, ReadError> {
    pager::consistent(listing, move || async move {
        let Pass::Complete(listed) = pager::read_pages(client, listing, budget, on_error).await?
        else {
            return Ok(Pass::Changed);
        };
        // The pager has checked every item has its ID.
        let ids: Vec<String> = listed
            .iter()
            .filter_map(|i| pager::item_id(i, listing.id))
            .collect();
        let answers = pager::get_each(client, item.path, item.key, &ids, budget).await;
        let mut read = Vec::with_capacity(ids.len());
        for (answer, id) in answers.into_iter().zip(&ids) {
            match answer {
                Ok(answer) => read.push(object_of(answer, item, id)?),
                // Gone (or binned) since the list was read: the list moved.
                Err(katapult::Error::NotFound { code }) if code == item.not_found => {
                    return Ok(moved(item, id));
                }
                Err(katapult::Error::InTrash { .. }) => return Ok(moved(item, id)),
                Err(error) => return Err(ReadError::Api(error)),
            }
        }
        Ok(Pass::Complete(read))
    })
    .await
}

/// A listed item is gone by its own read.
fn moved<T>(item: &ItemRead, id: &str) -> Pass<T> {
    tracing::debug!(
        item = item.noun,
        id,
        "A listed item is gone; reading the list again"
    );
    Pass::Changed
}

/// The object of one item's answer; an answer of another shape says which
/// item it was for.
fn object_of(answer: Json, item: &ItemRead, id: &str) -> Result<(Fields, Fields), ReadError> {
    answer::object(answer, item.object).map_err(|error| match error {
        ReadError::Api(katapult::Error::UnexpectedResponse { status, problem }) => {
            ReadError::Api(katapult::Error::UnexpectedResponse {
                status,
                problem: format!("{problem} for the {} {}", item.noun, quoted(id)),
            })
        }
        other => other,
    })
}

/// For the tests of the data sources that read through here: see
/// `testing::read_described`.
#[cfg(test)]
pub async fn read_from(
    url: &str,
    organization: &str,
    ds: &dyn super::source::DataSource,
    config: &crate::tftypes::Value,
) -> Result<crate::tftypes::Value, String> {
    super::testing::read_described(url, organization, ds, config).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const ITEM: ItemRead = ItemRead {
        path: "things/thing",
        key: "thing[id]",
        object: "thing",
        not_found: "thing_not_found",
        noun: "thing",
    };

    #[test]
    fn an_answer_of_another_shape_names_its_item() {
        let (thing, rest) = object_of(
            json!({"thing": {"id": "t_1"}, "annotations": []}),
            &ITEM,
            "t_1",
        )
        .unwrap();
        assert_eq!(thing["id"], "t_1");
        assert_eq!(rest["annotations"], json!([]));
        let err = object_of(json!({"other": {}}), &ITEM, "t_2")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("without a \"thing\" object for the thing \"t_2\""),
            "{err}"
        );
    }
}
