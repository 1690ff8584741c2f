//! Edit forms carry the revision of the record they showed: a save over a newer change is
//! refused, naming who made it and when, so no edit silently undoes another (as TaskRouter
//! refuses a stale update with 412); a save without a revision (no form) is not checked.

use crate::common::*;
use flex_console_domain::*;

fn settings_of(c: &Console, account: &AccountSid) -> (FlexSettings, u64) {
    let config = &c.flex_overview(account).unwrap().config;
    (config.settings.clone(), config.settings_revision.number)
}

#[test]
fn a_stale_flex_settings_save_is_refused_and_undoes_nothing() {
    // The reported lost update: Maria and Priya open Flex settings on Acme Support; Priya
    // turns call recording on and saves; Maria, whose form still shows it off, changes only
    // the UI version and saves.
    let mut c = demo();
    let acme = account(&c, ACME);
    let (shown, seen) = settings_of(&c, &acme);
    assert_eq!(seen, 0);
    ok_by(
        &mut c,
        PRIYA,
        Command::UpdateFlexSettings {
            account: acme,
            settings: FlexSettings {
                call_recording_enabled: true,
                ..shown.clone()
            },
            revision: Some(seen),
        },
    );
    let marias_form = FlexSettings {
        ui_version: "2.13.x".into(),
        ..shown
    };
    let save = |revision| Command::UpdateFlexSettings {
        account: acme,
        settings: marias_form.clone(),
        revision: Some(revision),
    };
    assert_eq!(
        refused_by(&mut c, MARIA, save(seen)),
        "Priya Patel changed the Flex settings at 2025-03-03 10:00 UTC, after this form was opened. Load the newer values, then make your change again."
    );
    let (stored, now_at) = settings_of(&c, &acme);
    assert!(stored.call_recording_enabled, "recording stays on");
    assert_eq!(now_at, 1);
    // With the newer values loaded, her change goes through on top of Priya's.
    ok_by(
        &mut c,
        MARIA,
        Command::UpdateFlexSettings {
            account: acme,
            settings: FlexSettings {
                ui_version: "2.13.x".into(),
                ..stored
            },
            revision: Some(now_at),
        },
    );
    let (stored, number) = settings_of(&c, &acme);
    assert!(stored.call_recording_enabled && stored.ui_version == "2.13.x");
    assert_eq!(number, 2);
    // Who may not save at all hears that first, not about revisions.
    assert_eq!(
        refused_by(&mut c, LIAM, save(0)),
        "Changing Flex settings needs the Owner or Administrator role. You are Developer on Acme Support."
    );
}

#[test]
fn a_stale_twiml_bin_edit_is_refused() {
    let mut c = demo();
    let initech = account(&c, INITECH);
    let event = ok_by(
        &mut c,
        PRIYA,
        Command::CreateTwimlBin {
            account: initech,
            friendly_name: "Greeting".into(),
            twiml: "<Response><Say>Hi</Say></Response>".into(),
        },
    );
    let EventKind::TwimlBinCreated { bin, .. } = event.kind else {
        panic!()
    };
    let edit = |name: &str, twiml: &str, revision| Command::UpdateTwimlBin {
        account: initech,
        bin,
        friendly_name: name.into(),
        twiml: twiml.into(),
        revision: Some(revision),
    };
    ok_by(
        &mut c,
        LIAM,
        edit("Greeting", "<Response><Say>Hello</Say></Response>", 0),
    );
    assert_eq!(
        refused_by(
            &mut c,
            PRIYA,
            edit("Welcome", "<Response><Say>Hi</Say></Response>", 0)
        ),
        "Liam O'Brien changed the TwiML Bin Greeting at 2025-03-03 10:00 UTC, after this form was opened. Load the newer values, then make your change again."
    );
    let stored = &c.account(&initech).unwrap().twiml_bins[&bin];
    assert_eq!(stored.twiml, "<Response><Say>Hello</Say></Response>");
    assert_eq!(stored.revision.number, 1);
    ok_by(
        &mut c,
        PRIYA,
        edit("Welcome", "<Response><Say>Hello</Say></Response>", 1),
    );
}

#[test]
fn a_stale_role_change_is_refused_and_a_transfer_counts_as_one() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let noah = user_sid(&c, NOAH);
    let seen = c.account(&acme).unwrap().members[&noah].revision.number;
    let change = |roles, revision| Command::ChangeRoles {
        account: acme,
        user: noah,
        roles,
        revision: Some(revision),
    };
    let developer = RoleSet::only(ConsoleRole::Developer);
    ok_by(&mut c, PRIYA, change(developer, seen));
    // Maria's dialog still shows Support; she adds Billing Manager to what she saw.
    let support_billing = roles(&[ConsoleRole::Support, ConsoleRole::BillingManager]);
    assert_eq!(
        refused_by(&mut c, MARIA, change(support_billing, seen)),
        "Priya Patel changed Noah Kim's roles at 2025-03-03 10:00 UTC, after this form was opened. Load the newer values, then make your change again."
    );
    assert_eq!(c.account(&acme).unwrap().roles_of(&noah), Some(developer));
    // Making Noah the Owner changes his roles too: a dialog opened before it is stale.
    let seen = c.account(&acme).unwrap().members[&noah].revision.number;
    ok_by(
        &mut c,
        MARIA,
        Command::TransferOwnership {
            account: acme,
            to: noah,
        },
    );
    assert_eq!(
        c.account(&acme).unwrap().members[&noah].revision.number,
        seen + 1
    );
}

#[test]
fn a_save_without_a_revision_is_not_checked() {
    // Log entries written before revisions existed replay as they did.
    let mut c = demo();
    let acme = account(&c, ACME);
    for recording in [true, false] {
        ok_by(
            &mut c,
            PRIYA,
            Command::UpdateFlexSettings {
                account: acme,
                settings: FlexSettings {
                    call_recording_enabled: recording,
                    ..FlexSettings::default()
                },
                revision: None,
            },
        );
    }
    assert_eq!(settings_of(&c, &acme).1, 2);
}

#[test]
fn revisions_are_saved_and_data_without_them_still_loads() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let before = c.to_json().unwrap();
    assert!(
        !before.contains("settings_revision"),
        "an unchanged record writes no revision, so older data reads the same"
    );
    ok_by(
        &mut c,
        PRIYA,
        Command::UpdateFlexSettings {
            account: acme,
            settings: FlexSettings::default(),
            revision: Some(0),
        },
    );
    let back = Console::from_json(&c.to_json().unwrap()).unwrap();
    assert_eq!(
        back.flex_overview(&acme).unwrap().config.settings_revision,
        Revision {
            number: 1,
            last: Some((user(&c, PRIYA), now())),
        }
    );
}

#[test]
fn a_stale_rename_is_refused_for_an_account_and_an_api_key() {
    // The rename field on Account Info starts from the name it showed: pressing Rename after
    // someone else renamed the account would have put the old name back.
    let mut c = demo();
    let acme = account(&c, ACME);
    let rename = |name: &str, revision| Command::RenameAccount {
        account: acme,
        friendly_name: name.into(),
        revision: Some(revision),
    };
    ok_by(&mut c, PRIYA, rename("Acme Customer Care", 0));
    assert_eq!(
        refused_by(&mut c, MARIA, rename("Acme Support", 0)),
        "Priya Patel changed the name of Acme Customer Care at 2025-03-03 10:00 UTC, after this form was opened. Load the newer values, then make your change again."
    );
    ok_by(&mut c, MARIA, rename("Acme Support EMEA", 1));

    let globex = account(&c, GLOBEX);
    let event = ok_by(
        &mut c,
        JAMES,
        Command::CreateApiKey {
            account: globex,
            friendly_name: "Deploy".into(),
            key_type: ApiKeyType::Standard,
        },
    );
    let EventKind::ApiKeyCreated { key, .. } = event.kind else {
        panic!()
    };
    let rename_key = |name: &str, revision| Command::RenameApiKey {
        account: globex,
        key,
        friendly_name: name.into(),
        revision: Some(revision),
    };
    ok_by(&mut c, LIAM, rename_key("Deploy bot", 0));
    assert_eq!(
        refused_by(&mut c, JAMES, rename_key("CI", 0)),
        "Liam O'Brien changed the name of the API key Deploy bot at 2025-03-03 10:00 UTC, after this form was opened. Load the newer values, then make your change again."
    );
}
