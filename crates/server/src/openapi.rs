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
use utoipa::openapi::{ObjectBuilder, RefOr, Schema};
use utoipa::{OpenApi, PartialSchema, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::{articles, feeds, incidents, meta, stats, watches};
use crate::error::ErrorBody;

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

/// The whole document as JSON: the handlers' descriptions plus the model's schemas.
pub fn document() -> Value {
    let (_, api) = api_router().split_for_parts();
    let mut doc = serde_json::to_value(&api).expect("an OpenAPI document always serialises");
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
