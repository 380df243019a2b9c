//! `--db postgres://…`: ingest, query and incident read a PostgreSQL store exactly as they
//! read a SQLite file, two ingest processes at once store what one stores, and commands that
//! need a file say so.
//!
//! These tests need a server: `scripts/test-postgres.sh` starts one and sets
//! `SITREP_TEST_POSTGRES`. Without it they have nothing to test and say so.

mod util;

use util::{Dir, corpus, fresh_postgres, http_get};

#[test]
fn ingest_query_and_incident_read_a_postgres_store_as_a_sqlite_file() {
    let Some(url) = fresh_postgres() else { return };
    let dir = Dir::new();
    dir.run(&["ingest", &corpus(), "--db", "s.db"])
        .expect_code(0);
    let first = dir.run(&["ingest", &corpus(), "--db", &url]).expect_code(0);
    assert!(
        first.stderr.contains("read 17 articles: stored 17"),
        "{}",
        first.stderr
    );
    let again = dir.run(&["ingest", &corpus(), "--db", &url]).expect_code(0);
    assert!(again.stderr.contains("skipped 17"), "{}", again.stderr);

    let on_file = dir.incidents("s.db");
    let on_server = dir.incidents(&url);
    assert!(on_file.len() >= 17);
    assert_eq!(on_server, on_file);

    let id = on_file[0]["id"].as_str().unwrap();
    let from_file = dir.run(&["incident", id, "--db", "s.db"]).expect_code(0);
    let from_server = dir.run(&["incident", id, "--db", &url]).expect_code(0);
    assert_eq!(from_server.stdout, from_file.stdout);

    let libya = |db: &str| {
        dir.run(&["query", "--db", db, "--country", "LY", "--format", "json"])
            .expect_code(0)
            .json_lines()
    };
    assert_eq!(libya(&url), libya("s.db"));
}

#[test]
fn two_ingest_processes_at_once_store_what_one_stores() {
    let (Some(alone), Some(shared)) = (fresh_postgres(), fresh_postgres()) else {
        return;
    };
    let dir = Dir::new();
    dir.run(&["ingest", &corpus(), "--db", &alone, "--batch", "3"])
        .expect_code(0);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|_| {
                scope.spawn(|| {
                    dir.run(&["ingest", &corpus(), "--db", &shared, "--batch", "3"])
                        .expect_code(0)
                })
            })
            .collect();
        let stored: usize = workers
            .into_iter()
            .map(|worker| {
                let run = worker.join().unwrap();
                let line = run.stderr.lines().last().unwrap_or_default().to_string();
                line.split("stored ")
                    .nth(1)
                    .and_then(|rest| rest.split(',').next())
                    .and_then(|n| n.trim().parse::<usize>().ok())
                    .unwrap_or_else(|| panic!("no count in {line:?}"))
            })
            .sum();
        assert_eq!(stored, 17, "each article is stored by one process only");
    });
    assert_eq!(dir.incidents(&shared), dir.incidents(&alone));
}

#[test]
fn serve_answers_from_postgres_as_from_a_file() {
    let Some(url) = fresh_postgres() else { return };
    let dir = Dir::new();
    for db in ["s.db", url.as_str()] {
        dir.run(&["ingest", &corpus(), "--db", db]).expect_code(0);
    }
    let listen = ["--listen", "127.0.0.1:0"];
    let (mut on_file, file, _) =
        util::serve(&dir, &[&["serve", "--db", "s.db"][..], &listen].concat());
    let (mut on_server, server, _) = util::serve(
        &dir,
        &[&["serve", "--db", url.as_str()][..], &listen].concat(),
    );
    for path in [
        "/api/incidents?limit=4",
        "/api/incidents?include_background=true&sort=killed_desc&total=true",
        "/api/incidents?country=LY&since=2015-01-01&sort=date_asc",
        "/api/incidents?bbox=9,30,25,34&since=2012-01-01&until=2016-12-31",
        "/api/incidents?q=embassy",
        "/api/incidents.geojson",
        "/api/incidents.csv",
        "/api/stats?include_background=true",
    ] {
        let answer = http_get(&server, path);
        assert!(answer.len() > 20, "{path}: {answer}");
        assert_eq!(answer, http_get(&file, path), "{path}");
    }
    // A page's cursor from one store opens the same next page on the other.
    let first: serde_json::Value =
        serde_json::from_str(&http_get(&server, "/api/incidents?limit=3")).unwrap();
    let cursor = first["next_cursor"].as_str().unwrap();
    let next = format!("/api/incidents?limit=3&cursor={cursor}");
    assert_eq!(http_get(&server, &next), http_get(&file, &next));
    on_file.kill().unwrap();
    on_server.kill().unwrap();
    let _ = (on_file.wait(), on_server.wait());
}

#[test]
fn an_unreachable_server_is_an_error_naming_it_without_the_password() {
    let dir = Dir::new();
    let url = "postgres://desk:hunter2@127.0.0.1:1/sitrep";
    let unreachable = dir.run(&["query", "--db", url]);
    assert_eq!(unreachable.code, Some(2), "{}", unreachable.stderr);
    assert!(
        unreachable.stderr.contains("127.0.0.1:1") && !unreachable.stderr.contains("hunter2"),
        "{}",
        unreachable.stderr
    );
}

#[test]
fn watches_alerts_and_tokens_work_on_a_postgres_store_as_on_a_file() {
    let Some(url) = fresh_postgres() else { return };
    let dir = Dir::new();
    // What a watch, an ingest and the alerts it raised look like, with times left out.
    let alerts_on = |db: &str| -> Vec<serde_json::Value> {
        dir.run(&[
            "watch",
            "add",
            "embassy",
            "--near",
            "32.8872,13.1913",
            "--radius-km",
            "25",
            "--target-type",
            "diplomatic",
            "--db",
            db,
        ])
        .expect_code(0);
        dir.run(&["ingest", &corpus(), "--db", db]).expect_code(0);
        dir.run(&["alerts", "--db", db, "--json"])
            .expect_code(0)
            .json_lines()
            .into_iter()
            .map(|mut alert| {
                alert.as_object_mut().unwrap().remove("created_at");
                alert
            })
            .collect()
    };
    let on_file = alerts_on("s.db");
    assert!(!on_file.is_empty());
    assert_eq!(alerts_on(&url), on_file);

    let token = dir
        .run(&["token", "create", "desk", "--db", &url])
        .expect_code(0);
    assert!(token.stdout.contains("sitrep_"), "{}", token.stdout);
    dir.run(&["token", "create", "desk", "--db", &url])
        .expect_code(2);
    dir.run(&["watch", "rm", "embassy", "--db", &url])
        .expect_code(0);
    let left = dir
        .run(&["watch", "list", "--db", &url, "--json"])
        .expect_code(0);
    assert!(left.json_lines().is_empty(), "{}", left.stdout);
}

#[test]
fn migrate_copies_a_file_store_into_postgres_and_back_ids_kept() {
    let Some(url) = fresh_postgres() else { return };
    let dir = Dir::new();
    dir.run(&["ingest", &corpus(), "--db", "s.db"])
        .expect_code(0);
    let copied = dir
        .run(&["migrate", "--from", "s.db", "--to", &url])
        .expect_code(0);
    assert!(
        copied.stderr.contains("copied 17 articles"),
        "{}",
        copied.stderr
    );
    assert_eq!(dir.incidents(&url), dir.incidents("s.db"));
    // The copy goes on as a store of its own: the same articles again are skipped.
    let again = dir.run(&["ingest", &corpus(), "--db", &url]).expect_code(0);
    assert!(again.stderr.contains("skipped 17"), "{}", again.stderr);

    let refused = dir
        .run(&["migrate", "--from", "s.db", "--to", &url])
        .expect_code(2);
    assert!(refused.stderr.contains("not empty"), "{}", refused.stderr);

    dir.run(&["migrate", "--from", &url, "--to", "back.db"])
        .expect_code(0);
    assert_eq!(dir.incidents("back.db"), dir.incidents("s.db"));
}

#[test]
fn an_article_with_a_nul_character_is_reported_and_the_others_stored_on_both_engines() {
    let dir = Dir::new();
    dir.write(
        "nul.jsonl",
        concat!(
            r#"{"id":"nul-1","text":"A car bomb killed five people in Kabul on Sunday.","title":"bad\u0000title","published":"2016-07-24"}"#,
            "\n",
            r#"{"id":"ok-2","text":"Gunmen killed two police officers in Mosul on Monday.","published":"2016-07-25"}"#,
            "\n"
        ),
    );
    let server = fresh_postgres();
    for db in ["s.db"].into_iter().chain(server.as_deref()) {
        let run = dir.run(&["ingest", "nul.jsonl", "--db", db]).expect_code(0);
        assert!(
            run.stderr
                .contains("article nul-1: title holds a NUL character")
                && run.stderr.contains("stored 1")
                && run.stderr.contains("1 not storable"),
            "{db}: {}",
            run.stderr
        );
    }
}

#[test]
fn serve_heals_when_postgres_closes_its_sessions() {
    let Some(url) = fresh_postgres() else { return };
    let dir = Dir::new();
    dir.run(&["ingest", &corpus(), "--db", &url]).expect_code(0);
    // A name of its own for the server's sessions: other tests share the database.
    let name = format!("sitrep-heals-{}", std::process::id());
    let served = format!("{url}&application_name={name}");
    let (mut server, address, _) =
        util::serve(&dir, &["serve", "--db", &served, "--listen", "127.0.0.1:0"]);
    let ok = |path: &str| {
        let body = http_get(&address, path);
        serde_json::from_str::<serde_json::Value>(&body)
            .ok()
            .filter(|v| v["items"].is_array())
            .is_some()
    };
    assert!(ok("/api/incidents?limit=2"));
    // A restart of the server, as the pool sees it: every session of `sitrep serve` is closed.
    let mut admin = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let closed = admin
        .query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1",
            &[&name],
        )
        .unwrap()
        .len();
    assert!(closed >= 1, "the server's sessions were found");
    // No request meets a closed session: the pool asks an idle one to answer first.
    assert!(ok("/api/incidents?limit=2"));
    assert!(ok("/api/incidents?limit=3"));
    server.kill().unwrap();
    let _ = server.wait();
}
