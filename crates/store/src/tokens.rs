//! API tokens: writes over the API need one. Only a token's SHA-256 is stored; the token is
//! shown once, when it is created.

use rusqlite::params;

use crate::Store;
use crate::error::{Error, Result};
use crate::secrets::{random_hex, sha256_hex};

/// The prefix of every token, so that one found in a log or a file is recognisable.
pub const TOKEN_PREFIX: &str = "sitrep_";

/// A token as listed (never the token itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredToken {
    /// Its name.
    pub name: String,
    /// When it was created (RFC 3339).
    pub created_at: String,
    /// When it was revoked, if it was.
    pub revoked_at: Option<String>,
}

impl Store {
    /// Creates a token named `name` (1 to 64 letters, digits, `-`, `_`, `.`) and returns it:
    /// the only time it is shown. Errors with [`Error::DuplicateToken`] when the name is taken,
    /// even by a revoked token.
    pub fn create_token(&self, name: &str) -> Result<String> {
        let valid = !name.is_empty()
            && name.chars().count() <= 64
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        if !valid {
            return Err(Error::InvalidTokenName {
                name: name.to_string(),
            });
        }
        let token = format!("{TOKEN_PREFIX}{}", random_hex(32)?);
        let inserted = self.with_sql(|sql| {
            sql.execute(
                "INSERT INTO api_tokens (name, hash, created_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (name) DO NOTHING",
                params![name, sha256_hex(&token), jiff::Timestamp::now().to_string()],
            )
        })?;
        if inserted == 0 {
            return Err(Error::DuplicateToken {
                name: name.to_string(),
            });
        }
        Ok(token)
    }

    /// Every token, by name.
    pub fn tokens(&self) -> Result<Vec<StoredToken>> {
        self.with_sql(|sql| {
            sql.query(
                "SELECT name, created_at, revoked_at FROM api_tokens ORDER BY name",
                params![],
            )?
            .iter()
            .map(|row| {
                Ok(StoredToken {
                    name: row.get(0)?,
                    created_at: row.get(1)?,
                    revoked_at: row.get(2)?,
                })
            })
            .collect()
        })
    }

    /// Revokes a token; returns whether a live token had this name.
    pub fn revoke_token(&self, name: &str) -> Result<bool> {
        self.with_sql(|sql| {
            Ok(sql.execute(
                "UPDATE api_tokens SET revoked_at = ?2 WHERE name = ?1 AND revoked_at IS NULL",
                params![name, jiff::Timestamp::now().to_string()],
            )? > 0)
        })
    }

    /// The name of the live token `token` is, or `None` (unknown or revoked).
    pub fn verify_token(&self, token: &str) -> Result<Option<String>> {
        self.with_sql(|sql| {
            sql.query_first(
                "SELECT name FROM api_tokens WHERE hash = ?1 AND revoked_at IS NULL",
                params![sha256_hex(token)],
            )?
            .map(|row| row.get(0))
            .transpose()
        })
    }
}
