//! The store, natively: the stored form, the scenario file format, and the background
//! writer's decisions (what to write next, and what each outcome means).

use flex_console::domain::{
    AccountType, Actor, Command, Console, DEMO_NOW, FlexChange, TaskCommand, Timestamp, Traffic,
    TrafficSettings, WorkerSid, may_change,
};
use flex_console::store::db::WriteError;
use flex_console::store::persist::{
    COMPACT_AFTER, LogEntry, Meta, SCHEMA, checksum, meta_json, migrate, restore,
};
use flex_console::store::restore::Keep;
use flex_console::store::scenario::{Scenario, valid_name};
use flex_console::store::writer::{Pending, Step, Writer};

fn owner_of_first_account(console: &Console) -> Actor {
    let account = console.accounts().next().unwrap();
    let owner = account
        .members
        .iter()
        .find(|(_, m)| m.roles.is_owner())
        .map(|(u, _)| *u)
        .unwrap();
    Actor::User(owner)
}

#[test]
fn a_snapshot_plus_its_log_restores_the_same_state() {
    let mut console = Console::demo();
    let snapshot = console.to_json().unwrap();
    let actor = owner_of_first_account(&console);
    let command = Command::CreateAccount {
        friendly_name: "Logged".into(),
        account_type: AccountType::Trial,
    };
    let at = DEMO_NOW.plus_millis(5);
    console.apply(&actor, command.clone(), at).unwrap();
    let entry = LogEntry {
        rev: 8,
        actor,
        command,
        at,
    }
    .to_json();
    let meta = meta_json(&Meta {
        schema: SCHEMA,
        revision: 7,
        now: DEMO_NOW,
        wall: Some(1.0),
        since: 2,
        checksum: None,
    });
    let restored = restore(&meta, &snapshot, &[entry]).unwrap();
    assert!(restored.console == console);
    assert_eq!(
        (
            restored.revision,
            restored.snapshot_revision,
            restored.replayed
        ),
        (8, 7, 1)
    );
    assert_eq!(
        restored.since, 2,
        "the revision of the last replacement is kept"
    );
}

#[test]
fn a_record_from_before_restore_points_counts_changes_from_zero() {
    let (meta, _) = migrate(
        r#"{"schema":1,"revision":9,"now":1,"wall":null}"#,
        "{}".into(),
    )
    .unwrap();
    assert_eq!((meta.revision, meta.since), (9, 0));
}

#[test]
fn a_gap_in_the_log_makes_the_data_unreadable() {
    let console = Console::demo();
    let actor = owner_of_first_account(&console);
    let command = Command::CreateAccount {
        friendly_name: "Gap".into(),
        account_type: AccountType::Trial,
    };
    let entry = LogEntry {
        rev: 3,
        actor,
        command,
        at: DEMO_NOW,
    }
    .to_json();
    let meta = meta_json(&Meta {
        schema: SCHEMA,
        revision: 1,
        now: DEMO_NOW,
        wall: None,
        since: 0,
        checksum: None,
    });
    let error = restore(&meta, &console.to_json().unwrap(), &[entry]).unwrap_err();
    assert!(error.contains("saved change 2 is missing"), "{error}");
}

#[test]
fn schema_zero_migrates_to_the_current_schema() {
    // Schema 0 saved no clock.
    let (meta, console) = migrate(r#"{"schema":0,"revision":4}"#, "{}".into()).unwrap();
    assert_eq!(
        meta,
        Meta {
            schema: SCHEMA,
            revision: 4,
            now: DEMO_NOW,
            wall: None,
            since: 0,
            checksum: None,
        }
    );
    assert_eq!(console, "{}");
}

#[test]
fn a_snapshot_from_a_newer_version_is_refused() {
    let error = migrate(r#"{"schema":99,"revision":1}"#, "{}".into()).unwrap_err();
    assert!(error.contains("newer version"), "{error}");
}

#[test]
fn scenario_files_round_trip() {
    let demo = Scenario::demo();
    let back = Scenario::parse(&demo.to_json()).unwrap();
    assert!(back == demo);
    assert_eq!(back.now, DEMO_NOW);
}

#[test]
fn a_bad_scenario_names_the_path_of_the_bad_field() {
    let mut value: serde_json::Value = serde_json::from_str(&Scenario::demo().to_json()).unwrap();
    let users = value["console"]["users"].as_object_mut().unwrap();
    let first = users.keys().next().unwrap().clone();
    users.get_mut(&first).unwrap()["email"] = "not an email".into();
    let error = Scenario::parse(&value.to_string()).unwrap_err();
    assert_eq!(
        error.path,
        format!("console.users.{first}.email"),
        "{error}"
    );

    let error =
        Scenario::parse(r#"{"format":1,"name":"x","now":"soon","console":{}}"#).unwrap_err();
    assert_eq!(error.path, "now", "{error}");
    let error = Scenario::parse(r#"{"format":2,"name":"x","now":1,"console":{}}"#).unwrap_err();
    assert_eq!(error.path, "format", "{error}");
    assert!(Scenario::parse("not json").is_err());
}

#[test]
fn a_file_that_is_not_a_scenario_is_said_in_plain_words() {
    // Reported: "invalid length 0, expected struct Envelope with 5 elements".
    let error = Scenario::parse("[]").unwrap_err();
    assert_eq!(
        error.to_string(),
        "the document: must be a scenario or export file, a JSON object with format, name, now and console; this is a list"
    );
    let error = Scenario::parse(r#"{"format":1,"name":"x","console":{}}"#).unwrap_err();
    assert_eq!(error.to_string(), "the document: the field now is missing");
    let error =
        Scenario::parse(r#"{"format":1,"name":"x","now":"soon","console":{}}"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "now: must be a whole number, not the text \"soon\""
    );
}

#[test]
fn a_scenario_whose_clock_is_past_the_consoles_range_is_refused() {
    // Reported: now = 18446744073709551615 was accepted, and after one invitation the
    // data's own export (and a restore point of it) could not be read again.
    let mut value: serde_json::Value = serde_json::from_str(&Scenario::demo().to_json()).unwrap();
    value["now"] = u64::MAX.into();
    let error = Scenario::parse(&value.to_string()).unwrap_err();
    assert_eq!(error.path, "now");
    assert_eq!(
        error.message,
        "must be a time from 1970-01-01 to 9999-12-24 23:59 UTC"
    );
}

#[test]
fn scenario_names_cannot_leave_the_scenarios_folder() {
    assert!(valid_name("scale") && valid_name("demo-2"));
    assert!(!valid_name("../secret") && !valid_name("") && !valid_name("a/b"));
}

fn pending(console: &Console, name: &str) -> Pending {
    Pending {
        actor: owner_of_first_account(console),
        command: Command::CreateAccount {
            friendly_name: name.into(),
            account_type: AccountType::Trial,
        },
        at: DEMO_NOW,
    }
}

fn kept(label: &str) -> Keep {
    Keep {
        summary: label.into(),
        state: "{}".into(),
    }
}

#[test]
fn the_writer_appends_in_order_then_catches_up_then_compacts() {
    let c = Console::demo();
    let mut w = Writer::new(true, 7, 7, 3);
    assert_eq!(w.next(), Step::Done);
    w.queue(pending(&c, "A"));
    w.queue(pending(&c, "B"));
    w.behind = true;
    w.compact_due = true;
    let Step::Append(entry) = w.next() else {
        panic!("{:?}", w.next())
    };
    assert_eq!(entry.rev, 8, "the next revision after the saved one");
    w.appended(8, 0);
    let Step::Append(entry) = w.next() else {
        panic!()
    };
    assert_eq!(entry.rev, 9);
    assert_eq!(
        (w.unsaved(), w.changes()),
        (1, 6),
        "8 - 3 saved, one pending"
    );
    w.appended(9, 0);
    assert_eq!(
        w.next(),
        Step::CatchUp,
        "other tabs' changes after this tab's own"
    );
    w.behind = false;
    assert_eq!(w.next(), Step::Compact);
}

#[test]
fn a_replacement_comes_first_keeps_what_it_replaced_and_resets_the_count() {
    let c = Console::demo();
    let mut w = Writer::new(true, 10, 10, 0);
    w.queue(pending(&c, "unsaved"));
    w.replaced(kept("the state before"));
    assert!(
        w.pending.is_empty(),
        "the unsaved command is part of the state kept"
    );
    assert_eq!(w.keep, [kept("the state before")]);
    w.queue(pending(&c, "after"));
    assert_eq!(w.next(), Step::Replace, "before any command");
    assert_eq!((w.unsaved(), w.changes()), (2, 1));
    let write = w.take_replacement();
    assert_eq!(
        (write.written, w.keep.len()),
        (1, 0),
        "the snapshot holds it"
    );
    w.replace_written(11, &write);
    assert_eq!((w.saved, w.since, w.changes()), (11, 11, 0));
    assert_eq!(w.next(), Step::Done);
}

#[test]
fn a_replacement_made_while_another_is_written_is_written_next() {
    let c = Console::demo();
    let mut w = Writer::new(true, 4, 4, 0);
    w.replaced(kept("first"));
    assert_eq!(w.next(), Step::Replace);
    // The writer takes the first replacement's snapshot and awaits its transaction;
    // meanwhile the state is replaced again, and changed.
    let write = w.take_replacement();
    assert_eq!(write.keep, [kept("first")]);
    w.replaced(kept("second"));
    w.queue(pending(&c, "on the second"));
    w.replace_written(5, &write);
    assert_eq!(w.saved, 5, "the first is stored");
    assert_eq!(
        w.next(),
        Step::Replace,
        "the second replacement is still owed: it is not saved"
    );
    assert_eq!(
        w.unsaved(),
        2,
        "the second replacement and the change on it"
    );
    assert_eq!(w.keep, [kept("second")]);
}

#[test]
fn an_append_that_commits_after_a_replacement_takes_none_of_the_new_states_commands() {
    let c = Console::demo();
    let mut w = Writer::new(true, 4, 4, 0);
    w.queue(pending(&c, "on the old state"));
    let Step::Append(entry) = w.next() else {
        panic!("{:?}", w.next())
    };
    let replacement = w.replacements;
    // While the entry is written, the state is replaced and changed.
    w.replaced(kept("old"));
    w.queue(pending(&c, "on the new state"));
    w.appended(entry.rev, replacement);
    assert_eq!(w.saved, 5);
    assert_eq!(
        w.pending.len(),
        1,
        "the new state's change is still to be saved"
    );
    assert_eq!(w.next(), Step::Replace);
    assert_eq!(w.unsaved(), 2);
}

#[test]
fn a_failed_write_keeps_everything_for_the_next_try() {
    let c = Console::demo();
    let mut w = Writer::new(true, 0, 0, 0);
    w.replaced(kept("first"));
    w.queue(pending(&c, "A"));
    let write = w.take_replacement();
    w.replaced(kept("second"));
    w.replace_failed(
        write,
        &WriteError::Failed("QuotaExceededError: full".into()),
    );
    assert_eq!(
        w.keep,
        [kept("first"), kept("second")],
        "oldest first, none lost"
    );
    assert!(
        w.error
            .as_deref()
            .unwrap()
            .contains("QuotaExceededError: full")
    );
    assert_eq!(w.next(), Step::Replace, "tried again");
    // The browser's own sentence ends in a full stop: one, not two.
    w.failed(&WriteError::Failed(
        "QuotaExceededError: The quota has been exceeded.".into(),
    ));
    let error = w.error.clone().unwrap();
    assert!(
        error.contains("The quota has been exceeded. They are kept in this tab"),
        "{error}"
    );
    w.failed(&WriteError::Conflict);
    assert!(
        w.error
            .as_deref()
            .unwrap()
            .contains("another tab changed the data")
    );
}

#[test]
fn reloading_tells_whether_another_tab_replaced_the_state() {
    let mut w = Writer::new(true, 5, 5, 2);
    assert!(!w.reloaded(9, 5, 2), "only newer changes");
    assert!(w.reloaded(12, 12, 12), "a newer replacement");
    assert_eq!((w.saved, w.snapshot_revision, w.since), (12, 12, 12));
    // A replacement of this tab's own, not written yet, is not another tab's.
    w.replaced(kept("mine"));
    assert!(!w.reloaded(20, 20, 20));
}

#[test]
fn without_storage_nothing_is_queued_or_written() {
    let c = Console::demo();
    let mut w = Writer::new(false, 0, 0, 0);
    w.queue(pending(&c, "A"));
    w.replaced(kept("x"));
    assert_eq!((w.unsaved(), w.next()), (0, Step::Done));
}

#[test]
fn the_apps_own_snapshot_is_read_without_every_rule_and_an_edited_one_with_them() {
    let console = Console::demo();
    let text = console.to_json().unwrap();
    let meta = |checksum: Option<String>| {
        meta_json(&Meta {
            schema: SCHEMA,
            revision: 0,
            now: DEMO_NOW,
            wall: None,
            since: 0,
            checksum,
        })
    };
    let own = restore(&meta(Some(checksum(&text))), &text, &[]).unwrap();
    assert!(
        own.console == console,
        "the app's own snapshot reads back the same"
    );

    // Changed after the app wrote it: a rule broken, the fingerprint no longer matching.
    let edited = text.replacen(r#""full_name":"Maria Garcia""#, r#""full_name":" ""#, 1);
    assert_ne!(edited, text);
    let error = restore(&meta(Some(checksum(&text))), &edited, &[]).unwrap_err();
    assert!(error.contains("must not be empty"), "{error}");
    // A record from before the fingerprint: every rule checked.
    let error = restore(&meta(None), &edited, &[]).unwrap_err();
    assert!(error.contains("must not be empty"), "{error}");
    // What the fingerprint buys: a text that has it is not checked again (only the app
    // writes one, beside a state it held).
    assert!(restore(&meta(Some(checksum(&edited))), &edited, &[]).is_ok());
}

#[test]
fn the_fingerprint_tells_texts_apart() {
    let text = Console::demo().to_json().unwrap();
    assert_eq!(checksum(&text), checksum(&text.clone()));
    assert_ne!(checksum(&text), checksum(&text.replacen('a', "b", 1)));
    assert_ne!(
        checksum("abcdefgh"),
        checksum("abcdefgh "),
        "one character more counts"
    );
    assert_eq!(checksum("").len(), 16);
}

/// The stored log of a tab running demo traffic: what the writer appends, and the snapshots it
/// folds the log into, as `src/store/saving.rs` writes them.
struct Stored {
    writer: Writer,
    snapshot: (u64, String),
    log: std::collections::BTreeMap<u64, String>,
    longest: usize,
    folds: usize,
}

impl Stored {
    /// One applied command, saved as the store saves it: queued, appended, compacted when due.
    fn save(&mut self, console: &Console, actor: &Actor, command: Command, at: Timestamp) {
        self.writer.queue(Pending {
            actor: actor.clone(),
            command,
            at,
        });
        loop {
            match self.writer.next() {
                Step::Append(entry) => {
                    self.log.insert(entry.rev, entry.to_json());
                    self.writer.appended(entry.rev, 0);
                    self.longest = self.longest.max(self.log.len());
                }
                Step::Compact => {
                    self.writer.compact_due = false;
                    let revision = self.writer.saved;
                    self.snapshot = (revision, console.to_json().unwrap());
                    self.log.retain(|rev, _| *rev > revision);
                    self.writer.compacted(revision);
                    self.folds += 1;
                }
                Step::Done => break,
                other => panic!("a lone tab writes its commands and compacts: {other:?}"),
            }
        }
    }
}

#[test]
fn the_stored_log_is_folded_into_the_snapshot_while_demo_traffic_runs() {
    let mut console = Console::demo();
    let account = console
        .accounts()
        .find(|a| a.friendly_name == "Globex Contact Center")
        .unwrap()
        .sid;
    let ws = console.workspace(&account).unwrap();
    let workflow = ws
        .workflows
        .iter()
        .find(|w| w.friendly_name == "Inbound Routing")
        .unwrap()
        .sid;
    let agents: Vec<WorkerSid> = ws
        .workers
        .values()
        .filter(|w| may_change(&w.flex_roles, FlexChange::Tasks).is_ok())
        .map(|w| w.sid)
        .collect();
    let mut stored = Stored {
        writer: Writer::new(true, 0, 0, 0),
        snapshot: (0, console.to_json().unwrap()),
        log: Default::default(),
        longest: 0,
        folds: 0,
    };
    let mut settings = TrafficSettings::new(7, workflow);
    settings.per_minute = 60;
    let mut now = DEMO_NOW;
    let mut traffic = Traffic::start(&console, &account, settings, now).unwrap();
    let run = |console: &mut Console, stored: &mut Stored, actor: &Actor, command: Command, at| {
        if console.apply(actor, command.clone(), at).is_ok() {
            stored.save(console, actor, command, at);
        }
    };
    let set = Command::Task {
        account,
        change: TaskCommand::SetSimulatedAgents { workers: agents },
    };
    run(&mut console, &mut stored, &Actor::Simulator, set, now);
    // Ten minutes stepped as the store's timers step: the clock's Advance when a deadline is
    // due, then what the traffic has due.
    let until = now.plus_millis(10 * Timestamp::MINUTE);
    loop {
        let next_traffic = traffic.next_at(&console, now);
        let next = console
            .next_deadline(&account)
            .map_or(next_traffic, |d| d.max(now).min(next_traffic));
        if next > until {
            break;
        }
        now = next;
        if console.next_deadline(&account).is_some_and(|d| d <= next) {
            let advance = Command::Task {
                account,
                change: TaskCommand::Advance,
            };
            run(&mut console, &mut stored, &Actor::Clock, advance, next);
        }
        for command in traffic.take_due(&console, next) {
            run(&mut console, &mut stored, &Actor::Simulator, command, next);
        }
        if console.next_deadline(&account).is_some_and(|d| d <= next) {
            now = next.plus_millis(1);
        }
    }
    let applied = stored.writer.saved as usize;
    assert!(
        applied > 2 * (COMPACT_AFTER as usize + 1),
        "ten minutes at 60 a minute apply more than two logs' worth of commands: {applied}"
    );
    assert!(
        stored.folds >= applied / (COMPACT_AFTER as usize + 1),
        "the log is folded every {} entries: {} folds in {applied}",
        COMPACT_AFTER + 1,
        stored.folds
    );
    assert!(
        stored.longest <= COMPACT_AFTER as usize + 1,
        "the stored log never holds more than {} entries: it held {}",
        COMPACT_AFTER + 1,
        stored.longest
    );
    // What is stored reads back as the state the tab holds.
    let meta = Meta {
        schema: SCHEMA,
        revision: stored.snapshot.0,
        now,
        wall: None,
        since: 0,
        checksum: Some(checksum(&stored.snapshot.1)),
    };
    let log: Vec<String> = stored.log.values().cloned().collect();
    let restored = restore(&meta_json(&meta), &stored.snapshot.1, &log).unwrap();
    assert_eq!(restored.revision as usize, applied);
    assert_eq!(
        restored.console.to_json().unwrap(),
        console.to_json().unwrap()
    );
}
