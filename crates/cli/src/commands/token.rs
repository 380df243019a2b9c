//! `sitrep token create|list|revoke`: the bearer tokens that writes over the API need.

use anyhow::{Result, bail};
use clap::{Args, Subcommand};

use crate::cli::DbArgs;
use crate::messages;

/// What `sitrep token` does.
#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create a token and print it (once: only its hash is stored).
    Create(NameArgs),
    /// List tokens (names and dates, never the tokens).
    List(DbOnly),
    /// Revoke a token: requests carrying it get 401 from now on.
    Revoke(NameArgs),
}

/// Flags of `sitrep token`.
#[derive(Debug, Args)]
pub struct TokenArgs {
    /// What to do.
    #[command(subcommand)]
    pub command: TokenCommand,
}

/// A token name and the database.
#[derive(Debug, Args)]
pub struct NameArgs {
    /// The token's name (who or what uses it).
    pub name: String,
    /// Database.
    #[command(flatten)]
    pub db: DbArgs,
}

/// The database only.
#[derive(Debug, Args)]
pub struct DbOnly {
    /// Database.
    #[command(flatten)]
    pub db: DbArgs,
}

/// Runs `sitrep token`.
pub fn run(args: &TokenArgs) -> Result<()> {
    let open = |db: &DbArgs| db.open();
    match &args.command {
        TokenCommand::Create(a) => {
            let token = open(&a.db)?.create_token(&a.name)?;
            println!("{token}");
            messages::note(format!(
                "created token {:?}; send it as `Authorization: Bearer <token>` to write over \
                 the API; it is not shown again",
                a.name
            ));
        }
        TokenCommand::List(a) => {
            for token in open(&a.db)?.tokens()? {
                let state = match &token.revoked_at {
                    Some(at) => format!("revoked {at}"),
                    None => "live".into(),
                };
                println!("{:<24} created {}  {state}", token.name, token.created_at);
            }
        }
        TokenCommand::Revoke(a) => {
            if !open(&a.db)?.revoke_token(&a.name)? {
                bail!("no live token named {:?} (see `sitrep token list`)", a.name);
            }
            messages::note(format!("revoked token {:?}", a.name));
        }
    }
    Ok(())
}
