//! Delivering alerts to webhooks, from the store's outbox.
//!
//! Each alert of a watch with a webhook is POSTed as JSON ([`WebhookPayload`]: the alert and
//! the incident as it stands) with these headers:
//!
//! - `X-Sitrep-Signature: sha256=<hex>`: HMAC-SHA256 of the exact body bytes, keyed with the
//!   watch's secret (shown once by `sitrep watch add`); a receiver recomputes it and compares in
//!   constant time ([`verify_signature`] does so);
//! - `X-Sitrep-Alert-Id`: the alert's id, the same on every attempt, so that a receiver that
//!   saw an alert (a crash between its answer and the outbox's record) can drop the repeat.
//!
//! A 2xx answer delivers; anything else (an error status, a refused connection, a timeout) is
//! tried again after an exponential backoff ([`RetryPolicy`]; a `Retry-After` in seconds is
//! honoured when longer), until the last attempt, after which the delivery is marked failed
//! with its last error (`sitrep alerts --outbox` shows it). Redirects are not followed, and a
//! host that resolves to a private, loopback or link-local address is refused unless private
//! webhooks are allowed: an alert must not make sitrep call into its own network.
#![deny(missing_docs)]

use std::collections::HashMap;
use std::net::ToSocketAddrs;
use std::time::Duration;

use hmac::{Hmac, KeyInit, Mac};
use serde::Serialize;
use sha2::Sha256;
use sitrep_model::StoredIncident;
use sitrep_store::{Delivery, Store};
use sitrep_watch::{Alert, WebhookPolicy, is_public};

/// The header carrying the body's signature.
pub const SIGNATURE_HEADER: &str = "X-Sitrep-Signature";
/// The header carrying the alert's id.
pub const ALERT_ID_HEADER: &str = "X-Sitrep-Alert-Id";

/// How long one delivery may take, connection included.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a deliverer holds a delivery it took before another may take it: longer than one
/// call can last, so that a live deliverer never loses its lease mid-call, and short, so that
/// an alert leased by a process that died is sent by the next one soon.
pub const LEASE_SECS: i64 = 25;
/// Deliveries taken at a time: one, so that the lease covers the one call being made.
const BATCH: usize = 1;
const _: () = assert!(REQUEST_TIMEOUT.as_secs() as i64 * 2 <= LEASE_SECS);

/// An error that stops delivering altogether (a failed webhook is not one: it is retried).
#[derive(Debug, thiserror::Error)]
pub enum NotifyError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] sitrep_store::Error),
}

/// When to try a failed delivery again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// The wait after the first failure; it doubles after each failure.
    pub base: Duration,
    /// The longest wait between attempts.
    pub max_delay: Duration,
    /// Attempts in all before giving up.
    pub max_attempts: u32,
}

impl Default for RetryPolicy {
    /// 10 s, doubling up to an hour, 12 attempts (about 8 hours in all).
    fn default() -> Self {
        RetryPolicy {
            base: Duration::from_secs(10),
            max_delay: Duration::from_secs(3_600),
            max_attempts: 12,
        }
    }
}

impl RetryPolicy {
    /// The wait after `failures` failed attempts (1 after the first).
    pub fn delay(&self, failures: u32) -> Duration {
        let doublings = failures.saturating_sub(1).min(30);
        self.base
            .saturating_mul(1u32 << doublings)
            .min(self.max_delay)
    }
}

/// What one round of delivery did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeliveryReport {
    /// Alerts delivered.
    pub delivered: usize,
    /// Attempts that failed and will be tried again.
    pub retrying: usize,
    /// Deliveries given up after their last attempt.
    pub failed: usize,
    /// Deliveries left for later because their receiver had just failed.
    pub postponed: usize,
}

/// The JSON body of a webhook call.
#[derive(Debug, Serialize)]
pub struct WebhookPayload<'a> {
    /// The alert.
    pub alert: &'a Alert,
    /// The incident as it stands now (followed through merges), when it still exists.
    pub incident: Option<&'a StoredIncident>,
}

/// Delivers the outbox's alerts over HTTP(S).
#[derive(Debug)]
pub struct Notifier {
    agent: ureq::Agent,
    policy: WebhookPolicy,
    retry: RetryPolicy,
}

impl Notifier {
    /// A notifier that refuses private addresses unless `policy` allows them.
    pub fn new(policy: WebhookPolicy, retry: RetryPolicy) -> Notifier {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(REQUEST_TIMEOUT))
            .http_status_as_error(false)
            .max_redirects(0)
            .proxy(None)
            .user_agent(concat!("sitrep/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Notifier {
            agent,
            policy,
            retry,
        }
    }

    /// Delivers every delivery due now, one lease at a time, until none is due; returns what
    /// happened. Failed calls are recorded for a later attempt, not returned as errors.
    ///
    /// A receiver that fails is not called again in the same round: its other alerts wait for
    /// its next attempt (without counting one), so that a dead host costs one timeout per
    /// round, not one per alert.
    pub fn deliver_due(&self, store: &mut Store) -> Result<DeliveryReport, NotifyError> {
        let mut report = DeliveryReport::default();
        let mut failing: HashMap<String, i64> = HashMap::new();
        loop {
            let now = jiff::Timestamp::now().as_second();
            let due = store.claim_deliveries(now, LEASE_SECS, BATCH)?;
            if due.is_empty() {
                return Ok(report);
            }
            for delivery in due {
                if let Some(&retry_at) = failing.get(&delivery.url)
                    && retry_at > now
                {
                    // Postponed to a later moment: it is not taken again in this round.
                    store.postpone_delivery(delivery.alert.id, retry_at)?;
                    report.postponed += 1;
                    continue;
                }
                if let Some(retry_at) = self.deliver_one(store, &delivery, &mut report)? {
                    failing.insert(delivery.url.clone(), retry_at);
                }
            }
        }
    }

    /// Sends one alert; on failure, returns when its receiver may be called again.
    fn deliver_one(
        &self,
        store: &mut Store,
        delivery: &Delivery,
        report: &mut DeliveryReport,
    ) -> Result<Option<i64>, NotifyError> {
        let alert = &delivery.alert;
        let incident = match store.current_incident_id(&alert.incident_id)? {
            Some(id) => store.incident(&id)?,
            None => None,
        };
        let body = serde_json::to_vec(&WebhookPayload {
            alert,
            incident: incident.as_ref(),
        })
        .unwrap_or_default();
        match self.post(&delivery.url, &delivery.secret, alert.id, &body) {
            Ok(()) => {
                store.delivery_succeeded(alert.id)?;
                tracing::info!(alert = alert.id, url = %delivery.url, "alert delivered");
                report.delivered += 1;
                Ok(None)
            }
            Err(failure) => {
                let failures = delivery.attempts.saturating_add(1);
                // When the receiver may be called again, for this alert or (if this one is
                // given up) the next.
                let wait = self.retry.delay(failures).max(failure.retry_after);
                let next_call = jiff::Timestamp::now().as_second()
                    + i64::try_from(wait.as_secs()).unwrap_or(i64::MAX / 2);
                let retry_at =
                    (!failure.permanent && failures < self.retry.max_attempts).then_some(next_call);
                tracing::warn!(
                    alert = alert.id,
                    url = %delivery.url,
                    attempt = failures,
                    error = %failure.message,
                    gave_up = retry_at.is_none(),
                    "alert delivery failed"
                );
                store.delivery_failed(alert.id, &failure.message, retry_at)?;
                match retry_at {
                    Some(_) => report.retrying += 1,
                    None => report.failed += 1,
                }
                Ok(Some(next_call))
            }
        }
    }

    /// One signed POST; `Ok` on a 2xx answer.
    fn post(&self, url: &str, secret: &str, alert_id: i64, body: &[u8]) -> Result<(), Failure> {
        if self.policy == WebhookPolicy::PublicOnly {
            check_resolves_public(url)?;
        }
        let response = self
            .agent
            .post(url)
            .header("Content-Type", "application/json")
            .header(SIGNATURE_HEADER, signature(secret, body))
            .header(ALERT_ID_HEADER, alert_id.to_string())
            .send(body)
            .map_err(|err| Failure::retry(err.to_string()))?;
        let status = response.status();
        if status.is_success() {
            return Ok(());
        }
        let retry_after = response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs)
            .unwrap_or_default();
        Err(Failure {
            message: format!("the receiver answered {status}"),
            retry_after,
            permanent: false,
        })
    }
}

/// Why one attempt failed.
struct Failure {
    message: String,
    retry_after: Duration,
    /// Retrying cannot help (the host is refused).
    permanent: bool,
}

impl Failure {
    fn retry(message: String) -> Failure {
        Failure {
            message,
            retry_after: Duration::ZERO,
            permanent: false,
        }
    }
}

/// Refuses a host that resolves to an address that is not public.
fn check_resolves_public(url: &str) -> Result<(), Failure> {
    let parsed = url::Url::parse(url).map_err(|err| Failure {
        message: format!("{url}: {err}"),
        retry_after: Duration::ZERO,
        permanent: true,
    })?;
    let host = parsed.host_str().unwrap_or_default();
    let port = parsed.port_or_known_default().unwrap_or(443);
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let addresses = (host, port)
        .to_socket_addrs()
        .map_err(|err| Failure::retry(format!("resolving {host}: {err}")))?;
    for address in addresses {
        if !is_public(address.ip()) {
            return Err(Failure {
                message: format!(
                    "{host} resolves to {}, which is not a public address; private webhooks \
                     are refused unless allowed",
                    address.ip()
                ),
                retry_after: Duration::ZERO,
                permanent: true,
            });
        }
    }
    Ok(())
}

/// `sha256=<hex>` of the HMAC-SHA256 of `body` keyed with `secret`.
pub fn signature(secret: &str, body: &[u8]) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes a key of any length");
    mac.update(body);
    let bytes = mac.finalize().into_bytes();
    let mut out = String::with_capacity(7 + bytes.len() * 2);
    out.push_str("sha256=");
    for b in bytes.iter() {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// Whether `header` (the value of [`SIGNATURE_HEADER`]) signs `body` with `secret`, compared in
/// constant time.
pub fn verify_signature(secret: &str, body: &[u8], header: &str) -> bool {
    let Some(hex) = header.strip_prefix("sha256=") else {
        return false;
    };
    let Some(expected) = decode_hex(hex) else {
        return false;
    };
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes a key of any length");
    mac.update(body);
    mac.verify_slice(&expected).is_ok()
}

fn decode_hex(hex: &str) -> Option<Vec<u8>> {
    if !hex.len().is_multiple_of(2) || !hex.is_ascii() {
        return None;
    }
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_is_hmac_sha256_of_the_body() {
        // RFC 4231, test case 2.
        assert_eq!(
            signature("Jefe", b"what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        let header = signature("secret", b"{}");
        assert!(verify_signature("secret", b"{}", &header));
        assert!(!verify_signature("other", b"{}", &header));
        assert!(!verify_signature("secret", b"{ }", &header));
        assert!(!verify_signature("secret", b"{}", "sha256=zz"));
        assert!(!verify_signature("secret", b"{}", "md5=00"));
    }

    #[test]
    fn backoff_doubles_up_to_its_ceiling() {
        let policy = RetryPolicy {
            base: Duration::from_secs(10),
            max_delay: Duration::from_secs(60),
            max_attempts: 5,
        };
        assert_eq!(policy.delay(1), Duration::from_secs(10));
        assert_eq!(policy.delay(2), Duration::from_secs(20));
        assert_eq!(policy.delay(3), Duration::from_secs(40));
        assert_eq!(policy.delay(4), Duration::from_secs(60));
        assert_eq!(policy.delay(100), Duration::from_secs(60));
    }

    #[test]
    fn a_host_in_a_private_range_is_refused_at_delivery() {
        let refused = check_resolves_public("http://127.0.0.1:9/hook").unwrap_err();
        assert!(refused.permanent);
        assert!(refused.message.contains("not a public address"));
    }
}
