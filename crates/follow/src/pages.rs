//! Fetching the page behind a feed item (`sitrep follow --fetch-pages`), politely: each host's
//! `robots.txt` is read once and obeyed, and a host is asked at most once per interval (or its
//! `Crawl-delay`, when longer).

use std::collections::HashMap;
use std::io::Read;
use std::time::{Duration, Instant};

use texting_robots::{Robot, get_robots_url};

/// The name robots.txt rules are matched against.
pub const ROBOTS_AGENT: &str = "sitrep";

/// The largest page read, in bytes.
pub const MAX_PAGE_BYTES: u64 = 5 * 1024 * 1024;

/// What a host's robots.txt allows.
enum Rules {
    /// Everything (no robots.txt, or one that does not parse).
    All,
    /// Nothing (robots.txt answered 5xx or could not be fetched: the host may be down).
    None,
    /// What the file says.
    Parsed(Box<Robot>),
}

/// Fetches pages, one host at a time at a polite rate.
pub struct PageFetcher {
    agent: ureq::Agent,
    min_interval: Duration,
    rules: HashMap<String, Rules>,
    last: HashMap<String, Instant>,
}

impl std::fmt::Debug for PageFetcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PageFetcher")
            .field("min_interval", &self.min_interval)
            .field("hosts", &self.rules.len())
            .finish()
    }
}

impl PageFetcher {
    /// A fetcher that asks each host at most once per `min_interval`.
    pub fn new(min_interval: Duration) -> PageFetcher {
        PageFetcher {
            agent: crate::agent(Duration::from_secs(20)),
            min_interval,
            rules: HashMap::new(),
            last: HashMap::new(),
        }
    }

    /// The page at `url`, or why not (robots.txt forbids it, an error status, a timeout, a
    /// page over 5 MB).
    pub fn fetch(&mut self, url: &str) -> Result<Vec<u8>, String> {
        let parsed = url::Url::parse(url).map_err(|err| format!("{url}: {err}"))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(format!("{url}: not an http(s) page"));
        }
        let host = parsed.origin().ascii_serialization();
        if !self.rules.contains_key(&host) {
            let rules = self.read_rules(url, &host);
            self.rules.insert(host.clone(), rules);
        }
        let delay = match &self.rules[&host] {
            Rules::All => None,
            Rules::None => return Err(format!("{host}/robots.txt could not be read")),
            Rules::Parsed(robot) if !robot.allowed(url) => {
                return Err(format!("{host}/robots.txt disallows {url}"));
            }
            Rules::Parsed(robot) => robot.delay,
        };
        let wait = delay
            .filter(|d| d.is_finite() && *d > 0.0)
            .map(|d| Duration::from_secs_f32(d.min(60.0)))
            .unwrap_or_default()
            .max(self.min_interval);
        self.pace(&host, wait);
        let response = self
            .agent
            .get(url)
            .call()
            .map_err(|err| format!("{url}: {err}"))?;
        let status = response.status().as_u16();
        if !(200..300).contains(&status) {
            return Err(format!("{url}: the server answered {status}"));
        }
        match crate::read_capped(response.into_body(), MAX_PAGE_BYTES) {
            Err(err) => Err(format!("{url}: {err}")),
            Ok(None) => Err(format!(
                "{url}: the page is larger than {MAX_PAGE_BYTES} bytes"
            )),
            Ok(Some(body)) => Ok(body),
        }
    }

    /// Waits until `host` may be asked again, and notes the request.
    fn pace(&mut self, host: &str, wait: Duration) {
        if let Some(last) = self.last.get(host) {
            let since = last.elapsed();
            if since < wait {
                std::thread::sleep(wait - since);
            }
        }
        self.last.insert(host.to_string(), Instant::now());
    }

    /// Reads a host's robots.txt: 2xx is obeyed, 4xx allows everything, anything else
    /// (5xx, no answer) allows nothing for now.
    fn read_rules(&mut self, url: &str, host: &str) -> Rules {
        let Ok(robots_url) = get_robots_url(url) else {
            return Rules::All;
        };
        self.pace(host, self.min_interval);
        let Ok(response) = self.agent.get(&robots_url).call() else {
            return Rules::None;
        };
        match response.status().as_u16() {
            200..=299 => {
                let mut body = Vec::new();
                let read = response
                    .into_body()
                    .into_reader()
                    .take(512 * 1024)
                    .read_to_end(&mut body);
                match read {
                    Ok(_) => Robot::new(ROBOTS_AGENT, &body)
                        .map(|robot| Rules::Parsed(Box::new(robot)))
                        .unwrap_or(Rules::All),
                    Err(_) => Rules::None,
                }
            }
            400..=499 => Rules::All,
            _ => Rules::None,
        }
    }
}
