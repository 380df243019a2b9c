//! Webhook delivery while the server runs: a thread that delivers the outbox's due alerts
//! every few seconds (alerts raised by ingests in other processes included), until stopped.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use sitrep_notify::{Notifier, RetryPolicy};
use sitrep_store::{Store, StoreLocation};
use sitrep_watch::WebhookPolicy;

/// How often the outbox is looked at.
pub const DELIVERY_INTERVAL: Duration = Duration::from_secs(2);

/// The running delivery thread; [`Delivery::stop`] ends it after the delivery in flight.
#[derive(Debug)]
pub struct Delivery {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Delivery {
    /// Starts delivering the outbox of the store at `db`.
    pub fn start(db: StoreLocation, policy: WebhookPolicy) -> Delivery {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            let notifier = Notifier::new(policy, RetryPolicy::default());
            let mut store: Option<Store> = None;
            while !flag.load(Ordering::Relaxed) {
                if store.is_none() {
                    store = Store::open_location(&db)
                        .map_err(|err| tracing::error!(%err, "webhook delivery: opening the store"))
                        .ok();
                }
                if let Some(open) = store.as_mut()
                    && let Err(err) = notifier.deliver_due(open)
                {
                    tracing::error!(%err, "webhook delivery");
                    store = None;
                }
                // Sleep in short steps so that stopping is quick.
                for _ in 0..20 {
                    if flag.load(Ordering::Relaxed) {
                        break;
                    }
                    std::thread::sleep(DELIVERY_INTERVAL / 20);
                }
            }
        });
        Delivery {
            stop,
            thread: Some(thread),
        }
    }

    /// Stops the thread and waits for it.
    pub fn stop(mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
