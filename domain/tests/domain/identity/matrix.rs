//! The permission matrix, every valid role set against every capability, compared with
//! the product table written out here independently of the implementation.

use ConsoleRole::{
    Administrator as A, BillingManager as B, Developer as D, Owner as O, Support as S,
};
use flex_console_domain::*;

/// The product table, column order O, A, D, B, S. 'Y' yes, 'N' no, 'R' read-only (launch).
const TABLE: [(Capability, &str); 8] = [
    (Capability::ManageCredentials, "YYYNN"),
    (Capability::ManageProducts, "YYYNN"),
    (Capability::ViewLogsAndUsage, "YYYYY"),
    (Capability::ManageBilling, "YYNYN"),
    (Capability::ManageProjectSettings, "YYNNN"),
    (Capability::ManageUsers, "YYNNN"),
    (Capability::TransferOwnership, "YNNNN"),
    (Capability::LaunchFlex, "YYYNR"),
];
const COLUMNS: [ConsoleRole; 5] = [O, A, D, B, S];

fn cell(capability: Capability, role: ConsoleRole) -> char {
    let row = TABLE.iter().find(|(c, _)| *c == capability).unwrap().1;
    row.chars()
        .nth(COLUMNS.iter().position(|r| *r == role).unwrap())
        .unwrap()
}

/// Every valid role set, listed by hand.
fn valid_sets() -> Vec<Vec<ConsoleRole>> {
    vec![
        vec![O],
        vec![A],
        vec![D],
        vec![B],
        vec![S],
        vec![D, B],
        vec![D, S],
        vec![B, S],
        vec![D, B, S],
    ]
}

#[test]
fn every_valid_role_set_times_every_capability_matches_the_table() {
    for set in valid_sets() {
        let roles = RoleSet::new(set.clone()).unwrap();
        for capability in Capability::ALL {
            let expected = set.iter().any(|r| cell(capability, *r) != 'N');
            assert_eq!(can(roles, capability), expected, "{set:?} / {capability:?}");
        }
    }
}

#[test]
fn launch_outcome_for_every_valid_role_set() {
    let expected = [
        (vec![O], LaunchOutcome::Admin),
        (vec![A], LaunchOutcome::Admin),
        (vec![D], LaunchOutcome::Admin),
        (vec![B], LaunchOutcome::Denied),
        (vec![S], LaunchOutcome::ReadOnlyAdmin),
        (vec![D, B], LaunchOutcome::Admin),
        (vec![D, S], LaunchOutcome::Admin),
        (vec![B, S], LaunchOutcome::ReadOnlyAdmin),
        (vec![D, B, S], LaunchOutcome::Admin),
    ];
    for (set, outcome) in expected {
        assert_eq!(
            launch_outcome(RoleSet::new(set.clone()).unwrap()),
            outcome,
            "{set:?}"
        );
    }
}

#[test]
fn all_valid_lists_exactly_the_valid_sets() {
    let mut listed: Vec<Vec<ConsoleRole>> = RoleSet::all_valid()
        .into_iter()
        .map(|s| s.roles())
        .collect();
    let mut expected = valid_sets();
    listed.sort();
    expected.sort();
    assert_eq!(listed, expected);
}

#[test]
fn roles_granting_reads_the_table() {
    assert_eq!(roles_granting(Capability::ManageUsers), [O, A]);
    assert_eq!(roles_granting(Capability::TransferOwnership), [O]);
    assert_eq!(roles_granting(Capability::ManageBilling), [O, A, B]);
    assert_eq!(roles_granting(Capability::LaunchFlex), [O, A, D, S]);
    assert_eq!(
        roles_granting(Capability::ViewLogsAndUsage),
        [O, A, D, B, S]
    );
    let c = Console::demo();
    let globex = c
        .accounts()
        .find(|a| a.friendly_name == "Globex Contact Center")
        .unwrap();
    let refusal = DomainError::not_allowed(
        "Inviting users",
        Capability::ManageUsers,
        RoleSet::new([D, B]).unwrap(),
        globex,
    );
    assert_eq!(
        refusal.to_string(),
        "Inviting users needs the Owner or Administrator role. You are Developer + Billing Manager on Globex Contact Center."
    );
    assert_eq!(
        identity::roles::describe_roles(&[O, A, D]),
        "Owner, Administrator or Developer"
    );
}

#[test]
fn invalid_role_sets_cannot_be_built_or_deserialized() {
    assert_eq!(RoleSet::new([]), Err(RoleSetError::Empty));
    assert_eq!(RoleSet::new([O, A]), Err(RoleSetError::OwnerNotAlone));
    assert_eq!(RoleSet::new([O, S]), Err(RoleSetError::OwnerNotAlone));
    assert_eq!(
        RoleSet::new([A, D]),
        Err(RoleSetError::AdministratorNotAlone)
    );
    assert_eq!(
        RoleSet::new([A, B, S]),
        Err(RoleSetError::AdministratorNotAlone)
    );
    assert_eq!(RoleSet::new([D, D]).unwrap(), RoleSet::only(D));
    assert_eq!(
        RoleSetError::OwnerNotAlone.to_string(),
        "the Owner role cannot be combined with other roles"
    );
    let bad: Result<RoleSet, _> = serde_json::from_str(r#"["administrator","developer"]"#);
    assert!(
        bad.unwrap_err()
            .to_string()
            .contains("the Administrator role cannot be combined")
    );
    let empty: Result<RoleSet, _> = serde_json::from_str("[]");
    assert!(empty.is_err());
    let good: RoleSet =
        serde_json::from_str(r#"["support","developer","billing_manager"]"#).unwrap();
    assert_eq!(good, RoleSet::new([D, B, S]).unwrap());
    assert_eq!(
        serde_json::to_string(&good).unwrap(),
        r#"["developer","billing_manager","support"]"#
    );
    assert_eq!(good.to_string(), "Developer + Billing Manager + Support");
}

#[test]
fn every_command_names_the_capability_it_needs() {
    let account: AccountSid = format!("AC{}", "a".repeat(32)).parse().unwrap();
    let cases = [
        (
            Command::Invite {
                account,
                email: Email::parse("a@b.co").unwrap(),
                roles: RoleSet::only(D),
            },
            Some(Capability::ManageUsers),
        ),
        (
            Command::TransferOwnership {
                account,
                to: format!("US{}", "a".repeat(32)).parse().unwrap(),
            },
            Some(Capability::TransferOwnership),
        ),
        (
            Command::CreateFlexInstance { account },
            Some(Capability::ManageProjectSettings),
        ),
        (
            Command::CloseAccount { account },
            Some(Capability::ManageProjectSettings),
        ),
        (
            Command::PromoteSecondaryToken { account },
            Some(Capability::ManageCredentials),
        ),
        (
            Command::LaunchFlex { account },
            Some(Capability::LaunchFlex),
        ),
        (Command::SsoLogin { account }, None),
        (Command::LeaveAccount { account }, None),
    ];
    for (command, capability) in cases {
        assert_eq!(command.capability(), capability, "{command:?}");
    }
}

#[test]
fn picking_a_role_drops_those_it_cannot_be_held_with() {
    use identity::roles::pick;
    assert_eq!(pick(&[D, S], A, true), [A]);
    assert_eq!(pick(&[A], B, true), [B]);
    assert_eq!(pick(&[D], S, true), [D, S]);
    assert_eq!(pick(&[D, S], D, false), [S]);
    // Whatever is picked, in whatever order, the picker holds roles that combine.
    for first in identity::roles::ASSIGNABLE {
        for second in identity::roles::ASSIGNABLE {
            let picked = pick(&pick(&[], first, true), second, true);
            assert!(RoleSet::new(picked.iter().copied()).is_ok(), "{picked:?}");
            assert!(picked.contains(&second));
        }
    }
    assert!(
        !identity::roles::ASSIGNABLE.contains(&O),
        "the Owner role moves only by transfer"
    );
}
