//! One module per subcommand.

pub mod alerts;
pub mod demo;
pub mod eval;
pub mod extract;
pub mod follow;
pub mod incident;
pub mod ingest;
pub mod migrate;
pub mod query;
pub mod serve;
pub mod token;
pub mod train;
pub mod watch;
