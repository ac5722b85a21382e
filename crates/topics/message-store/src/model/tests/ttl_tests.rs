//! `USING TTL`: expiring cells, read as tombstones once expired, purged by
//! compaction. Sources: Apache Cassandra `cql3/Attributes.java` (`MAX_TTL`,
//! 20 years), `db/rows/AbstractCell.java` (`isLive`: `nowInSec <
//! localDeletionTime`; `purge`: an expired cell becomes
//! `BufferCell.tombstone(column, timestamp(), localDeletionTime() - ttl(),
//! path())`), `db/ReadCommand.java` (`applyToRow` counts each non-live cell
//! with `countTombstone`).

use super::super::action::Action;
use super::super::cql;
use super::super::error::Error;
use super::super::input::Input;
use super::super::playground::{Outcome, Playground, DEFAULT_NOW_MS};
use super::super::store::{check_ttl, DEFAULT_GC_GRACE_SECONDS, MAX_TTL};
use super::playground_tests::ch;
use super::store_tests::{ids, read_all, store, CH, NOW};

const NOW_S: u32 = (NOW / 1000) as u32;

#[test]
fn the_largest_ttl_is_twenty_years_and_zero_is_refused() {
    // Attributes.MAX_TTL = 20 * 365 * 24 * 60 * 60 (CASSANDRA-14092 era).
    assert_eq!(MAX_TTL, 630_720_000);
    assert!(check_ttl(1).is_ok());
    assert!(check_ttl(MAX_TTL).is_ok());
    let over = check_ttl(MAX_TTL + 1).unwrap_err().to_string();
    assert!(over.contains("20 years"), "{over}");
    // CQL reads USING TTL 0 as "no TTL"; the panel's TTL field is for
    // expiring messages only, so it asks for an empty field instead.
    let zero = check_ttl(0).unwrap_err();
    assert!(matches!(
        zero,
        Error::Invalid {
            field: Input::Ttl,
            ..
        }
    ));
    assert!(zero.to_string().contains("no TTL"), "{zero}");
}

#[test]
fn an_expired_row_reads_as_its_cell_tombstones() {
    // `isLive` is `nowInSec < localDeletionTime`: at the expiry second the
    // cells are already dead, and `applyToRow` counts each one.
    let mut s = store();
    s.insert_message(CH, 5, 42, "soon gone", 10_000_000, NOW_S, false)
        .unwrap();
    s.expire_later(CH, 5, 10_000_000, 60, NOW_S);
    assert_eq!(s.expire(NOW_S as u64 + 59), 0);
    assert_eq!(ids(&read_all(&mut s, NOW + 59_000)), vec![5]);
    assert_eq!(s.expire(NOW_S as u64 + 60), 1);
    let p = read_all(&mut s, NOW + 60_000);
    assert!(p.rows.is_empty());
    assert_eq!(p.stats.tombstones, 2, "author_id and content");
    assert!(s.expiry_of(CH, 5).is_none());
}

#[test]
fn an_expired_cell_is_purged_gc_grace_after_its_write_not_its_expiry() {
    // The tombstone an expired cell becomes carries `localDeletionTime() -
    // ttl()`: the second it was written. gc_grace counts from there.
    let mut s = store();
    let ttl = 3_600;
    s.insert_message(CH, 5, 42, "x", 10_000_000, NOW_S, false)
        .unwrap();
    s.expire_later(CH, 5, 10_000_000, ttl, NOW_S);
    let grace = DEFAULT_GC_GRACE_SECONDS as u64;
    // One second past grace from the write, still inside grace from expiry.
    let at_s = NOW_S as u64 + grace + 1;
    s.expire(at_s);
    let p = read_all(&mut s, at_s * 1000);
    assert_eq!((p.stats.tombstones, p.stats.purgeable_skipped), (0, 2));
    let rep = s.compact(at_s * 1000);
    assert_eq!(rep.tombstones_purged, 2);
    assert_eq!(s.row_count(), 0);
}

#[test]
fn a_later_write_without_ttl_outlives_the_expiry() {
    let mut s = store();
    s.insert_message(CH, 5, 42, "x", 10_000_000, NOW_S, false)
        .unwrap();
    s.expire_later(CH, 5, 10_000_000, 60, NOW_S);
    s.insert_message(CH, 5, 42, "kept", 20_000_000, NOW_S, false)
        .unwrap();
    s.expire(NOW_S as u64 + 600);
    let p = read_all(&mut s, NOW + 600_000);
    assert_eq!(p.rows[0].content.as_deref(), Some("kept"));
}

fn write_expiring(p: &mut Playground, ttl: u32) -> Result<(), Error> {
    p.apply(&Action::WriteExpiring {
        channel: ch(),
        author: 7,
        content: "self-destructs".into(),
        at: DEFAULT_NOW_MS,
        ttl,
    })
}

#[test]
fn the_playground_expires_ttl_messages_as_the_clock_moves() {
    let mut p = Playground::new();
    write_expiring(&mut p, 60).unwrap();
    let cql = p.export_cql();
    assert!(
        cql.contains("'self-destructs') USING TTL 60 AND TIMESTAMP "),
        "{cql}"
    );
    let read = Action::Query {
        channel: ch(),
        limit: 50,
        before: None,
    };
    p.apply(&read).unwrap();
    let Outcome::Page(pg) = p.outcome() else {
        panic!()
    };
    assert_eq!(pg.rows.len(), 1);
    p.apply(&Action::AdvanceClock { seconds: 60 }).unwrap();
    p.apply(&read).unwrap();
    let Outcome::Page(pg) = p.outcome() else {
        panic!()
    };
    assert!(pg.rows.is_empty());
    assert_eq!(pg.stats.tombstones, 2);
}

#[test]
fn bad_ttls_are_refused_and_change_nothing() {
    let mut p = Playground::new();
    let before = p.statements().len();
    for ttl in [0, MAX_TTL + 1] {
        let e = write_expiring(&mut p, ttl).unwrap_err();
        assert!(
            matches!(
                e,
                Error::Invalid {
                    field: Input::Ttl,
                    ..
                }
            ),
            "{e}"
        );
    }
    assert_eq!(p.statements().len(), before);
    assert_eq!(p.store().row_count(), 0);
}

#[test]
fn insert_with_ttl_is_valid_cql_shape() {
    // CQL: `USING TTL <n> AND TIMESTAMP <ts>` (either order is accepted).
    let s = cql::insert_statement(1, 0, 5, &[], 7, Some(86_400));
    assert!(
        s.ends_with("VALUES (1, 0, 5) USING TTL 86400 AND TIMESTAMP 7;"),
        "{s}"
    );
    let r = cql::delete_range_statement(1, 0, 5, 7);
    assert_eq!(
        r,
        "DELETE FROM discord.messages USING TIMESTAMP 7 WHERE channel_id = 1 AND bucket = 0 AND message_id < 5;"
    );
}
