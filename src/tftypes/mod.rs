//! Terraform's type system as this provider needs it: cty types, values that
//! may be null or unknown, attribute paths, and the msgpack/JSON wire codecs.
//!
//! Knows nothing of gRPC or Katapult; the server module converts between these
//! and the protocol messages.

mod msgpack;
mod path;
mod value;

pub use msgpack::{CodecError, decode_json, decode_msgpack, encode_msgpack};
pub use path::{AttributePath, Step};
pub use value::{Number, Type, Value};
