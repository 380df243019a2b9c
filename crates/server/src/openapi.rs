//! The OpenAPI 3.1 document, generated from the handlers.
//!
//! Each route is registered with `utoipa_axum::routes!`, which adds the handler to the router
//! and its `#[utoipa::path]` description to the document in one step, so no route can be
//! missing from the document. The model's types (incidents, counts, taxonomies) already carry
//! JSON Schemas through `schemars` (the same schemas as `schema/sitrep-extract.schema.json`);
//! they are added under `components/schemas`, and the API's own types refer to them by name
//! through the marker types below.

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use serde_json::Value;
use sitrep_model::StoredIncident;
use sitrep_store::{Cursor, SortOrder};
use utoipa::openapi::{ObjectBuilder, RefOr, Schema};
use utoipa::{OpenApi, PartialSchema, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::{articles, feeds, incidents, meta, stats, watches};
use crate::error::ErrorBody;
use crate::params;

/// Declares a marker type standing for a model type whose schema comes from `schemars`. Its
/// own schema is a placeholder that [`document`] replaces.
macro_rules! model_schema {
    ($marker:ident, $name:literal, $doc:literal) => {
        #[doc = $doc]
        pub struct $marker;

        impl PartialSchema for $marker {
            fn schema() -> RefOr<Schema> {
                ObjectBuilder::new()
                    .description(Some(concat!("Replaced by the model's schema of ", $name)))
                    .into()
            }
        }

        impl ToSchema for $marker {
            fn name() -> Cow<'static, str> {
                Cow::Borrowed($name)
            }
        }
    };
}

model_schema!(
    StoredIncidentSchema,
    "StoredIncident",
    "The model's `StoredIncident` in the document."
);
model_schema!(
    EventTypeSchema,
    "EventType",
    "The model's `EventType` in the document."
);
model_schema!(
    WatchSpecSchema,
    "WatchSpec",
    "The watch crate's `WatchSpec` in the document."
);
model_schema!(
    AlertSchema,
    "Alert",
    "The watch crate's `Alert` in the document."
);
model_schema!(
    CountryCodeSchema,
    "CountryCode",
    "The model's `CountryCode` in the document."
);

#[derive(OpenApi)]
#[openapi(
    info(
        title = "sitrep API",
        description = "Deduplicated, geocoded incidents of political violence read from news \
                       reports, with the evidence behind every field. Errors are JSON \
                       `{\"status\", \"error\"}`; 400 names the parameter at fault.",
        license(name = "Apache-2.0", identifier = "Apache-2.0"),
    ),
    tags(
        (name = "incidents", description = "Incidents: pages, one incident, GeoJSON and CSV"),
        (name = "articles", description = "Stored articles, which evidence offsets point into"),
        (name = "stats", description = "Counts by day, country and type"),
        (name = "watches", description = "Watchlists and their alerts; writes need a bearer token"),
        (name = "feeds", description = "Followed feeds and metrics for monitoring"),
        (name = "meta", description = "Health, this document, dashboard settings"),
    ),
    components(schemas(ErrorBody)),
    modifiers(&BearerAuth)
)]
struct ApiDoc;

/// Declares the `bearer` security scheme that writes use.
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("A token from `sitrep token create NAME`"))
                    .build(),
            ),
        );
    }
}

/// The API routes, each with its OpenAPI description.
pub fn api_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(incidents::list_incidents))
        .routes(routes!(incidents::get_incident))
        .routes(routes!(incidents::incidents_geojson))
        .routes(routes!(incidents::incidents_csv))
        .routes(routes!(articles::get_article))
        .routes(routes!(stats::get_stats))
        .routes(routes!(watches::list_watches, watches::add_watch))
        .routes(routes!(watches::remove_watch))
        .routes(routes!(watches::list_alerts))
        .routes(routes!(watches::alert_stream))
        .routes(routes!(feeds::list_feeds))
        .routes(routes!(feeds::metrics))
        .routes(routes!(meta::healthz))
        .routes(routes!(meta::openapi_json))
        .routes(routes!(meta::dashboard_config))
}

/// The whole document as JSON: the handlers' descriptions plus the model's schemas, with the
/// grammar of every checked query parameter ([`declare_parameter_grammar`]) for a server whose
/// largest page is `max_page_size` and largest export `max_export`.
pub fn document(max_page_size: usize, max_export: usize) -> Value {
    let (_, api) = api_router().split_for_parts();
    let mut doc = serde_json::to_value(&api).expect("an OpenAPI document always serialises");
    declare_parameter_grammar(&mut doc, max_page_size, max_export);
    let mut settings = SchemaSettings::draft2020_12();
    settings.definitions_path = "/components/schemas".into();
    let mut generator = settings.into_generator();
    let _ = generator.subschema_for::<StoredIncident>();
    let _ = generator.subschema_for::<sitrep_watch::WatchSpec>();
    let _ = generator.subschema_for::<sitrep_watch::Alert>();
    let model = generator.take_definitions(true);
    let schemas = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut);
    match schemas {
        Some(schemas) => schemas.extend(model),
        None => {
            doc["components"]["schemas"] = Value::Object(model);
        }
    }
    doc
}

/// Writes into every query parameter's schema the grammar the server checks it with, from the
/// same constants ([`crate::params`], [`Cursor::PATTERN`], [`SortOrder::ALL`]), so that the
/// document and the server cannot drift apart: patterns for `country`, `since`, `until`,
/// `bbox` and `cursor`, the orders of `sort`, and the configured maximum of the incident
/// routes' `limit` (the page size on pages, JSON or CSV; the export limit on GeoJSON).
fn declare_parameter_grammar(doc: &mut Value, max_page_size: usize, max_export: usize) {
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        let incidents = path.starts_with("/api/incidents");
        let exports = path.ends_with(".geojson");
        let Some(operations) = item.as_object_mut() else {
            continue;
        };
        for operation in operations.values_mut() {
            let Some(parameters) = operation
                .get_mut("parameters")
                .and_then(Value::as_array_mut)
            else {
                continue;
            };
            for parameter in parameters {
                if parameter.get("in").and_then(Value::as_str) != Some("query") {
                    continue;
                }
                let name = parameter
                    .get("name")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string();
                let Some(schema) = parameter.get_mut("schema").and_then(Value::as_object_mut)
                else {
                    continue;
                };
                match name.as_str() {
                    "country" => {
                        schema.insert("pattern".into(), params::COUNTRY_PATTERN.into());
                    }
                    "since" | "until" => {
                        schema.insert("pattern".into(), params::DATE_PATTERN.into());
                    }
                    "bbox" => {
                        schema.insert("pattern".into(), params::BBOX_PATTERN.into());
                    }
                    "cursor" => {
                        schema.insert("pattern".into(), Cursor::PATTERN.into());
                    }
                    "sort" => {
                        let orders: Vec<Value> =
                            SortOrder::ALL.iter().map(|o| o.as_str().into()).collect();
                        schema.insert("enum".into(), orders.into());
                    }
                    "limit" if incidents => {
                        let max = if exports { max_export } else { max_page_size };
                        schema.insert("maximum".into(), max.into());
                    }
                    _ => {}
                }
            }
        }
    }
}
