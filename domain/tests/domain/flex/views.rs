//! Inside Flex: the views each Flex role shows and what it may change, as literal tables.

use flex_console_domain::flex::view::{
    ChangeRefused, FlexChange, FlexView, InsightsAccess, activity_changed_in_teams,
    insights_access, landing, may_change, roles_seeing, visible, visible_views,
};
use flex_console_domain::{FlexRole, InsightsRole};

use FlexRole::{Admin, Agent, ReadOnlyAdmin, Supervisor};
use FlexView::{AgentDesktop, Insights, Queues, Teams};

/// Role → (agent desktop, teams, queue stats, admin dashboard, skills, insights).
const MATRIX: [(FlexRole, [bool; 6]); 4] = [
    (Admin, [true, true, true, true, true, true]),
    (Supervisor, [true, true, true, false, false, true]),
    (Agent, [true, false, false, false, false, false]),
    (ReadOnlyAdmin, [false, true, true, true, true, false]),
];

#[test]
fn each_role_sees_exactly_its_views() {
    for (role, expected) in MATRIX {
        for (view, want) in FlexView::ALL.into_iter().zip(expected) {
            assert_eq!(visible(&[role], view), want, "{role:?} sees {view:?}");
        }
    }
}

#[test]
fn no_roles_see_nothing_and_several_roles_see_the_union() {
    for view in FlexView::ALL {
        assert!(!visible(&[], view), "no role sees {view:?}");
    }
    assert_eq!(
        visible_views(&[Agent, Supervisor]),
        vec![AgentDesktop, Teams, Queues, Insights]
    );
    assert_eq!(visible_views(&[]), vec![]);
}

#[test]
fn the_not_available_page_names_the_roles_that_see_a_view() {
    assert_eq!(roles_seeing(AgentDesktop), vec![Admin, Supervisor, Agent]);
    assert_eq!(roles_seeing(Teams), vec![Admin, Supervisor, ReadOnlyAdmin]);
    assert_eq!(roles_seeing(Queues), vec![Admin, Supervisor, ReadOnlyAdmin]);
    assert_eq!(roles_seeing(FlexView::Admin), vec![Admin, ReadOnlyAdmin]);
    assert_eq!(roles_seeing(FlexView::Skills), vec![Admin, ReadOnlyAdmin]);
    assert_eq!(roles_seeing(Insights), vec![Admin, Supervisor]);
}

#[test]
fn workers_land_on_their_first_useful_view() {
    assert_eq!(
        landing(&[Admin]),
        Some(AgentDesktop),
        "admins take work too"
    );
    assert_eq!(landing(&[ReadOnlyAdmin]), Some(FlexView::Admin));
    assert_eq!(landing(&[Supervisor]), Some(AgentDesktop));
    assert_eq!(landing(&[Agent]), Some(AgentDesktop));
    assert_eq!(landing(&[]), None);
}

#[test]
fn views_round_trip_through_their_url_segment() {
    let slugs: Vec<&str> = FlexView::ALL.iter().map(|v| v.slug()).collect();
    assert_eq!(
        slugs,
        [
            "agent-desktop",
            "teams",
            "queues",
            "admin",
            "admin/skills",
            "insights"
        ]
    );
    for view in FlexView::ALL {
        assert_eq!(FlexView::parse(view.slug()), Some(view));
    }
    assert_eq!(FlexView::parse("wallboard"), None);
}

/// Role → (own status, other agents). The configuration is not a Flex-role matter: saving
/// the Flex settings needs Console roles that manage project settings (domain_rules).
const CHANGES: [(FlexRole, [bool; 2]); 4] = [
    (Admin, [true, true]),
    (Supervisor, [true, true]),
    (Agent, [true, false]),
    (ReadOnlyAdmin, [false, false]),
];

#[test]
fn each_role_may_change_exactly_its_things() {
    let changes = [FlexChange::OwnActivity, FlexChange::OtherAgents];
    for (role, expected) in CHANGES {
        for (change, want) in changes.into_iter().zip(expected) {
            assert_eq!(
                may_change(&[role], change).is_ok(),
                want,
                "{role:?} changes {change:?}"
            );
        }
    }
}

#[test]
fn refusals_say_why() {
    let text = |roles: &[FlexRole], change| may_change(roles, change).unwrap_err().to_string();
    assert_eq!(
        text(&[ReadOnlyAdmin], FlexChange::OwnActivity),
        "Read-only admins cannot change their own status."
    );
    assert_eq!(
        text(&[ReadOnlyAdmin], FlexChange::OtherAgents),
        "Read-only admins cannot change other agents."
    );
    assert_eq!(
        text(&[Agent], FlexChange::OtherAgents),
        "Changing other agents needs the admin or supervisor Flex role."
    );
    assert_eq!(
        text(&[], FlexChange::OwnActivity),
        "Changing your own status needs the admin, supervisor or agent Flex role."
    );
    // read-only admin wins over any other role it might be combined with
    assert_eq!(
        may_change(&[Admin, ReadOnlyAdmin], FlexChange::OtherAgents),
        Err(ChangeRefused::ReadOnlyAdmin(FlexChange::OtherAgents))
    );
}

#[test]
fn insights_needs_a_paid_plan_then_an_insights_role() {
    assert_eq!(
        insights_access(false, &[InsightsRole::FullAccess]),
        InsightsAccess::NeedsPaidPlan
    );
    assert_eq!(
        insights_access(true, &[]),
        InsightsAccess::NeedsInsightsRole
    );
    assert_eq!(
        insights_access(true, &[InsightsRole::TeamLeader]),
        InsightsAccess::Open
    );
}

#[test]
fn teams_offers_the_activity_of_the_others_one_s_own_is_in_the_top_bar() {
    let mut random = flex_console_domain::random::Random::new(3);
    let me = flex_console_domain::WorkerSid::generate(&mut random);
    let other = flex_console_domain::WorkerSid::generate(&mut random);
    assert!(activity_changed_in_teams(&me, &other));
    assert!(!activity_changed_in_teams(&me, &me));
}
