//! The demo scenario: a small, hand-written Console that shows every rule, built through
//! [`Console::apply`] with fixed times so it is valid by construction and deterministic.
//!
//! - "Acme Support" (Full): Flex on trial. Maria Garcia Owner, Priya Patel Administrator,
//!   Liam O'Brien Developer, Noah Kim Support. Workers: Maria and Priya (admin), Noah
//!   (read-only admin), SSO agent Lucas Martin (Available) and supervisor Chloe Nguyen.
//!   Invitations: oliver.smith pending, ava.jones expired. Liam bought (415) 555-0100,
//!   routed to Voice IVR, and (415) 555-0101, routed to Messaging Flow.
//! - "Globex Contact Center" (Full): Flex on a paid plan (Active User Hours). James Chen
//!   Owner, Maria Garcia Support (she owns Acme), Liam Developer, Sofia Rossi Billing
//!   Manager, Grace Lee Developer + Support (joined by accepting as an email). Workers:
//!   James (admin + wfo.full_access), Maria (read-only admin), SSO supervisor Daniel Wright
//!   (wfo.team_leader), agents Hannah Becker and Mateo Silva. Invitations: mia.wilson
//!   pending, ethan.brown revoked. Numbers (212) 555-0110 (Voice IVR) and (312) 555-0120
//!   (no flow); the TwiML Bin "After-hours message".
//!   Its contact center is routed (see [`super::demo_routing`]): skills sales, support
//!   (levels 1 to 10) and spanish given to Hannah, Mateo and Daniel; queues Sales, Support,
//!   Support Tier 2 and Spanish beside Everyone; the workflow "Inbound Routing".
//! - "Initech Labs" (Trial): no Flex yet. Created by Liam, who transferred ownership to
//!   Priya and stayed as Administrator; Emma Dubois Developer + Billing Manager; a
//!   secondary Auth Token; zoe.taylor invited.
//! - "Umbrella Retail" (Full): suspended. Ahmed Hassan Owner, Noah Kim Administrator.
//! - "Hooli Sandbox" (Trial): closed. Ahmed Hassan Owner.

use crate::command::Command;
use crate::console::Console;
use crate::event::{Event, EventKind};
use crate::flex::instance::BillingModel;
use crate::flex::sso::SsoAssertion;
use crate::flex::worker::InsightsRole;
use crate::identity::account::AccountType;
use crate::identity::actor::Actor;
use crate::identity::email::Email;
use crate::identity::invitation::InvitationId;
use crate::identity::roles::{ConsoleRole, RoleSet};
use crate::scenarios::demo_routing::RoutedAgents;
use crate::sid::{AccountSid, UserSid};
use crate::time::Timestamp;

/// The moment the demo is meant to be looked at (invitation statuses depend on it).
pub const DEMO_NOW: Timestamp = Timestamp::from_utc(2025, 3, 3, 10, 0);
/// The seed of the demo's random source.
pub const DEMO_SEED: u64 = 20_250_303;

/// The TwiML of the demo's TwiML Bin.
const AFTER_HOURS_TWIML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Response>
  <Say voice="alice">Thanks for calling Globex. We are closed; please call back between 8 am and 6 pm.</Say>
  <Hangup/>
</Response>
"#;

/// Builds the demo through `apply`; every step is a fixed, valid command.
pub(super) struct Builder {
    pub(super) console: Console,
}

fn email(text: &str) -> Email {
    Email::parse(text).expect("demo emails are valid")
}

fn roles(list: &[ConsoleRole]) -> RoleSet {
    RoleSet::new(list.iter().copied()).expect("demo role sets are valid")
}

fn days_before_now(days: u64) -> Timestamp {
    Timestamp(DEMO_NOW.0 - days * Timestamp::DAY)
}

impl Builder {
    pub(super) fn run(&mut self, actor: &Actor, command: Command, at: Timestamp) -> Event {
        let what = format!("{command:?}");
        self.console
            .apply(actor, command, at)
            .unwrap_or_else(|e| panic!("demo step {what} failed: {e}"))
    }

    fn sign_up(&mut self, address: &str, full_name: &str, at: Timestamp) -> Actor {
        let event = self.run(
            &Actor::Email(email(address)),
            Command::SignUp {
                full_name: full_name.into(),
            },
            at,
        );
        match event.kind {
            EventKind::SignedUp { user, .. } => Actor::User(user),
            _ => unreachable!("sign-up gives SignedUp"),
        }
    }

    fn create_account(
        &mut self,
        owner: &Actor,
        name: &str,
        account_type: AccountType,
        at: Timestamp,
    ) -> AccountSid {
        let command = Command::CreateAccount {
            friendly_name: name.into(),
            account_type,
        };
        self.run(owner, command, at)
            .account
            .expect("account events name their account")
    }

    fn invite(
        &mut self,
        by: &Actor,
        account: &AccountSid,
        to: &str,
        set: &[ConsoleRole],
        at: Timestamp,
    ) -> InvitationId {
        let command = Command::Invite {
            account: *account,
            email: email(to),
            roles: roles(set),
        };
        match self.run(by, command, at).kind {
            EventKind::Invited { invitation, .. } => invitation,
            _ => unreachable!("invite gives Invited"),
        }
    }

    fn add_member(
        &mut self,
        by: &Actor,
        account: &AccountSid,
        member: &Actor,
        set: &[ConsoleRole],
        at: Timestamp,
    ) {
        let address = member
            .user()
            .and_then(|u| self.console.user(u))
            .map(|u| u.email.to_string())
            .unwrap_or_default();
        let invitation = self.invite(by, account, &address, set, at);
        let accept = Command::AcceptInvitation {
            account: *account,
            invitation,
            full_name: None,
        };
        self.run(member, accept, at.plus_millis(Timestamp::HOUR));
    }

    /// Buys `number` and routes it to the flow named `flow`, if any.
    fn buy_number(
        &mut self,
        actor: &Actor,
        account: &AccountSid,
        number: &str,
        flow: Option<&str>,
        at: Timestamp,
    ) {
        let buy = Command::BuyPhoneNumber {
            account: *account,
            phone_number: number.into(),
        };
        let EventKind::PhoneNumberBought { number, .. } = self.run(actor, buy, at).kind else {
            unreachable!("buying gives PhoneNumberBought")
        };
        let Some(name) = flow else { return };
        let flex = self.console.account(account).and_then(|a| a.flex.as_ref());
        let flow = flex
            .and_then(|f| f.studio_flows.iter().find(|f| f.friendly_name == name))
            .map(|f| f.sid);
        let route = Command::RoutePhoneNumber {
            account: *account,
            number,
            flow,
        };
        self.run(actor, route, at);
    }

    fn sso(
        &mut self,
        account: &AccountSid,
        address: &str,
        name: &str,
        flex_roles: &[&str],
        at: Timestamp,
    ) -> UserOrWorker {
        let assertion = SsoAssertion {
            email: email(address),
            full_name: name.into(),
            roles: flex_roles.iter().map(|r| (*r).to_owned()).collect(),
        };
        let actor = Actor::Sso(assertion);
        match self
            .run(&actor, Command::SsoLogin { account: *account }, at)
            .kind
        {
            EventKind::SsoLoggedIn { worker, .. } => UserOrWorker { actor, worker },
            _ => unreachable!("SSO login gives SsoLoggedIn"),
        }
    }
}

/// An SSO person and their worker.
struct UserOrWorker {
    actor: Actor,
    worker: crate::sid::WorkerSid,
}

impl Console {
    /// The demo scenario described in this module's documentation.
    pub fn demo() -> Console {
        let mut b = Builder {
            console: Console::new(DEMO_SEED),
        };
        let t0 = Timestamp::from_utc(2025, 1, 6, 9, 0);
        let day = |n: u64| t0.plus_days(n);
        use ConsoleRole::{Administrator, BillingManager, Developer, Support};

        let maria = b.sign_up("maria.garcia@example.com", "Maria Garcia", t0);
        let james = b.sign_up("james.chen@example.com", "James Chen", t0);
        let priya = b.sign_up("priya.patel@example.com", "Priya Patel", t0);
        let liam = b.sign_up("liam.obrien@example.com", "Liam O'Brien", t0);
        let sofia = b.sign_up("sofia.rossi@example.com", "Sofia Rossi", t0);
        let noah = b.sign_up("noah.kim@example.com", "Noah Kim", t0);
        let emma = b.sign_up("emma.dubois@example.com", "Emma Dubois", t0);
        let ahmed = b.sign_up("ahmed.hassan@example.com", "Ahmed Hassan", t0);

        // Acme Support: Flex on trial.
        let acme = b.create_account(&maria, "Acme Support", AccountType::Full, day(1));
        b.add_member(&maria, &acme, &priya, &[Administrator], day(1));
        b.add_member(&priya, &acme, &liam, &[Developer], day(2));
        b.add_member(&priya, &acme, &noah, &[Support], day(2));
        b.run(
            &priya,
            Command::CreateFlexInstance { account: acme },
            day(3),
        );
        for person in [&maria, &priya, &noah] {
            b.run(person, Command::LaunchFlex { account: acme }, day(4));
        }
        let lucas = b.sso(
            &acme,
            "lucas.martin@acme-support.example.com",
            "Lucas Martin",
            &["agent"],
            day(5),
        );
        b.sso(
            &acme,
            "chloe.nguyen@acme-support.example.com",
            "Chloe Nguyen",
            &["supervisor"],
            day(5),
        );
        let available = b
            .console
            .flex_overview(&acme)
            .map(|o| o.instance.workspace.activities[1].sid);
        let available = available.expect("Flex provisions Available");
        b.run(
            &lucas.actor,
            Command::SetWorkerActivity {
                account: acme,
                activity: available,
            },
            day(5),
        );
        b.buy_number(&liam, &acme, "+14155550100", Some("Voice IVR"), day(6));
        b.buy_number(&liam, &acme, "+14155550101", Some("Messaging Flow"), day(6));
        b.invite(
            &priya,
            &acme,
            "ava.jones@example.com",
            &[Support],
            days_before_now(20),
        );
        b.invite(
            &maria,
            &acme,
            "oliver.smith@example.com",
            &[Developer],
            days_before_now(2),
        );

        // Globex Contact Center: Flex on a paid plan.
        let globex = b.create_account(&james, "Globex Contact Center", AccountType::Full, day(1));
        b.add_member(&james, &globex, &maria, &[Support], day(2));
        b.add_member(&james, &globex, &liam, &[Developer], day(2));
        b.add_member(&james, &globex, &sofia, &[BillingManager], day(2));
        let grace_invite = b.invite(
            &james,
            &globex,
            "grace.lee@example.com",
            &[Developer, Support],
            day(3),
        );
        let accept = Command::AcceptInvitation {
            account: globex,
            invitation: grace_invite,
            full_name: Some("Grace Lee".into()),
        };
        b.run(
            &Actor::Email(email("grace.lee@example.com")),
            accept,
            day(4),
        );
        b.run(
            &james,
            Command::CreateFlexInstance { account: globex },
            day(3),
        );
        let upgrade = Command::UpgradePlan {
            account: globex,
            billing_model: BillingModel::ActiveUserHours,
            accept_fair_usage_terms: true,
            payment_method: "Visa ending 4242".into(),
        };
        b.run(&sofia, upgrade, day(4));
        for person in [&james, &maria] {
            b.run(person, Command::LaunchFlex { account: globex }, day(5));
        }
        let daniel = b.sso(
            &globex,
            "daniel.wright@globex.example.com",
            "Daniel Wright",
            &["supervisor"],
            day(6),
        );
        let insights = Command::SetInsightsRoles {
            account: globex,
            worker: daniel.worker,
            roles: vec![InsightsRole::TeamLeader],
        };
        b.run(&james, insights, day(6));
        let hannah = b.sso(
            &globex,
            "hannah.becker@globex.example.com",
            "Hannah Becker",
            &["agent"],
            day(6),
        );
        let mateo = b.sso(
            &globex,
            "mateo.silva@globex.example.com",
            "Mateo Silva",
            &["agent"],
            day(7),
        );
        b.buy_number(&liam, &globex, "+12125550110", Some("Voice IVR"), day(7));
        b.buy_number(&liam, &globex, "+13125550120", None, day(8));
        let after_hours = Command::CreateTwimlBin {
            account: globex,
            friendly_name: "After-hours message".into(),
            twiml: AFTER_HOURS_TWIML.into(),
        };
        b.run(&liam, after_hours, day(8));
        let ethan = b.invite(
            &james,
            &globex,
            "ethan.brown@example.com",
            &[Developer],
            days_before_now(5),
        );
        b.run(
            &james,
            Command::RevokeInvitation {
                account: globex,
                invitation: ethan,
            },
            days_before_now(4),
        );
        b.invite(
            &james,
            &globex,
            "mia.wilson@example.com",
            &[Administrator],
            days_before_now(1),
        );

        // Initech Labs: no Flex yet; ownership transferred from Liam to Priya.
        let initech = b.create_account(&liam, "Initech Labs", AccountType::Trial, day(10));
        b.add_member(&liam, &initech, &priya, &[Administrator], day(10));
        let to_priya = Command::TransferOwnership {
            account: initech,
            to: user_sid(&priya),
        };
        b.run(&liam, to_priya, day(11));
        b.add_member(
            &priya,
            &initech,
            &emma,
            &[Developer, BillingManager],
            day(12),
        );
        b.run(
            &priya,
            Command::CreateSecondaryToken { account: initech },
            day(20),
        );
        b.invite(
            &priya,
            &initech,
            "zoe.taylor@example.com",
            &[BillingManager],
            days_before_now(3),
        );

        // Umbrella Retail: suspended by its Administrator.
        let umbrella = b.create_account(&ahmed, "Umbrella Retail", AccountType::Full, day(15));
        b.add_member(&ahmed, &umbrella, &noah, &[Administrator], day(15));
        b.run(
            &noah,
            Command::SuspendAccount { account: umbrella },
            day(40),
        );

        // Hooli Sandbox: closed by its Owner.
        let hooli = b.create_account(&ahmed, "Hooli Sandbox", AccountType::Trial, day(16));
        b.run(&ahmed, Command::CloseAccount { account: hooli }, day(30));

        // Globex routes its contacts: skills, queues and a workflow (last, so the SIDs
        // drawn before keep their values).
        let agents = RoutedAgents {
            supervisor: daniel.worker,
            hannah: hannah.worker,
            mateo: mateo.worker,
        };
        b.route_contacts(&globex, &james, &liam, &agents, day(44));
        // Contacts arrive: Voice IVR sends calls to Inbound Routing, and a Chat address hands
        // webchats to Webchat Flow (last again, so earlier SIDs keep their values).
        b.contacts_arrive(&globex, &liam, day(44));

        b.console
    }
}

fn user_sid(actor: &Actor) -> UserSid {
    actor
        .user()
        .cloned()
        .expect("demo people are Console users")
}
