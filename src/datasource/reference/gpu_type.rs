//! `katapult_gpu_type`: one GPU type, by its ID or its permalink.

use crate::datasource::core::shapes::one::One;
use crate::datasource::objects::gpu_type::{FIELDS, GPU_TYPE_OBJECT};

pub static GPU_TYPE: One = One {
    type_name: "katapult_gpu_type",
    of: &GPU_TYPE_OBJECT,
    // `id` and `permalink` are its keys.
    fields: FIELDS,
    summary: "Looks up one GPU type by its `id` or its `permalink` (exactly one): its name, \
              manufacturer, memory, and the data centers that have it.",
    hint: "`katapult_gpu_types` lists every GPU type.",
    ..One::PLAIN
};
