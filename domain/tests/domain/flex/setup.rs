//! Domain rules: Flex instance, settings, plan.

use crate::common::*;
use flex_console_domain::*;

#[test]
fn setting_up_flex_provisions_everything_once() {
    let mut c = demo();
    let initech = account(&c, INITECH);
    let cmd = Command::CreateFlexInstance { account: initech };
    assert_eq!(
        refused_by(&mut c, EMMA, cmd.clone()),
        "Setting up Flex needs the Owner or Administrator role. You are Developer + Billing Manager on Initech Labs."
    );
    let event = ok_by(&mut c, LIAM, cmd.clone());
    let o = c.flex_overview(&initech).unwrap();
    let f = o.instance;
    assert_eq!(
        event.kind,
        EventKind::FlexInstanceCreated {
            instance: f.sid,
            workspace: f.workspace.sid,
            runtime_domain: f.config.runtime_domain.clone(),
        }
    );
    assert!(f.sid.as_str().starts_with("GO"));
    assert_eq!(o.plan, &FlexPlan::Trial);
    assert_eq!(
        c.active_user_hours(&initech, now()),
        None,
        "a trial has no free hours"
    );
    assert_eq!(o.worker_count, 0);
    assert_eq!(f.workspace.friendly_name, "Flex Task Assignment");
    assert_eq!(f.workspace.max_workers, 15_000);
    assert_eq!(f.workspace.workflows[0].friendly_name, "Assign To Anyone");
    assert_eq!(f.workspace.task_queues[0].friendly_name, "Everyone");
    assert_eq!(f.workspace.task_queues[0].target_workers, "1==1");
    assert_eq!(f.workspace.task_queues.len(), 1);
    assert_eq!(f.workspace.workflows.len(), 1);
    assert_eq!(
        f.workspace.workflows[0].configuration.default_queue,
        Some(f.workspace.task_queues[0].sid),
        "Assign To Anyone sends everything to Everyone"
    );
    assert_eq!(f.workspace.workflows[0].task_reservation_timeout, 120);
    let offline = f.workspace.activities[0].sid;
    assert_eq!(f.workspace.default_activity, offline);
    assert_eq!(f.workspace.timeout_activity, offline);
    let activities: Vec<&str> = f
        .workspace
        .activities
        .iter()
        .map(|a| a.friendly_name.as_str())
        .collect();
    assert_eq!(activities, ["Offline", "Available", "Unavailable"]);
    let channels: Vec<&str> = f
        .workspace
        .task_channels
        .iter()
        .map(|t| t.unique_name.as_str())
        .collect();
    assert_eq!(channels, ["voice", "chat", "sms", "email", "default"]);
    let flows: Vec<&str> = f
        .studio_flows
        .iter()
        .map(|s| s.friendly_name.as_str())
        .collect();
    assert_eq!(flows, ["Voice IVR", "Messaging Flow", "Webchat Flow"]);
    assert_eq!(
        f.conversations_service.friendly_name,
        "Flex Conversation Service"
    );
    assert!(f.conversations_service.sid.as_str().starts_with("IS"));
    assert_eq!(f.proxy_service.friendly_name, "Flex Proxy Service");
    assert!(f.proxy_service.sid.as_str().starts_with("KS"));
    assert!(f.functions_service.sid.as_str().starts_with("ZS"));
    assert!(
        f.flex_flows
            .iter()
            .all(|x| x.sid.as_str().starts_with("FO"))
    );
    assert_eq!(f.flex_flows.len(), 2);
    let cfg = o.config;
    assert_eq!(cfg.status, flex::ConfigStatus::Ok);
    assert_eq!(cfg.taskrouter_workspace_sid, f.workspace.sid);
    assert_eq!(
        cfg.taskrouter_target_workflow_sid,
        f.workspace.workflows[0].sid
    );
    assert_eq!(
        cfg.taskrouter_target_taskqueue_sid,
        f.workspace.task_queues[0].sid
    );
    assert_eq!(
        cfg.taskrouter_offline_activity_sid,
        f.workspace.activities[0].sid
    );
    assert_eq!(cfg.chat_service_instance_sid, f.conversations_service.sid);
    assert_eq!(cfg.serverless_service_sids, vec![f.functions_service.sid]);
    assert_eq!(cfg.settings.ui_version, "2.x");
    let domain = cfg.runtime_domain.strip_suffix(".twil.io").unwrap();
    let parts: Vec<&str> = domain.split('-').collect();
    assert_eq!(parts.len(), 3);
    assert!(parts[2].len() == 4 && parts[2].chars().all(|ch| ch.is_ascii_digit()));
    assert_eq!(
        refused_by(&mut c, PRIYA, cmd),
        "This account already has a Flex instance; an account can have only one."
    );
    c.validate().unwrap();
}

#[test]
fn flex_settings_are_checked_and_need_project_settings() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let mut settings = FlexSettings {
        ui_version: "2.13.x".into(),
        call_recording_enabled: true,
        ..FlexSettings::default()
    };
    let cmd = |s: FlexSettings| Command::UpdateFlexSettings {
        account: acme,
        settings: s,
        revision: None,
    };
    assert_eq!(
        refused_by(&mut c, LIAM, cmd(settings.clone())),
        "Changing Flex settings needs the Owner or Administrator role. You are Developer on Acme Support."
    );
    ok_by(&mut c, PRIYA, cmd(settings.clone()));
    assert_eq!(c.flex_overview(&acme).unwrap().config.settings, settings);
    settings.ui_version = "1.x".into();
    assert_eq!(
        refused_by(&mut c, PRIYA, cmd(settings.clone())),
        "The Flex setting ui_version must be 2.x, 2.13.x or 2.12.x."
    );
    settings.ui_version = "2.x".into();
    settings.crm_enabled = true;
    assert_eq!(
        refused_by(&mut c, PRIYA, cmd(settings.clone())),
        "The Flex setting crm_callback_url is needed when the CRM is enabled."
    );
    settings.crm_callback_url = Some("http://crm.example.com".into());
    assert_eq!(
        refused_by(&mut c, PRIYA, cmd(settings.clone())),
        "The Flex setting crm_callback_url must be an https:// address."
    );
    settings.crm_callback_url = Some("https://crm.example.com/agent".into());
    ok_by(&mut c, PRIYA, cmd(settings));
    let initech = account(&c, INITECH);
    let no_flex = Command::UpdateFlexSettings {
        account: initech,
        settings: FlexSettings::default(),
        revision: None,
    };
    assert_eq!(
        refused_by(&mut c, PRIYA, no_flex),
        "This account has no Flex instance yet; setting up Flex needs the Owner or Administrator role."
    );
}

#[test]
fn upgrading_needs_billing_terms_and_a_payment_method() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let up = |terms: bool, pay: &str| Command::UpgradePlan {
        account: acme,
        billing_model: BillingModel::NamedUser,
        accept_fair_usage_terms: terms,
        payment_method: pay.into(),
    };
    assert_eq!(
        refused_by(&mut c, LIAM, up(true, "Visa")),
        "Upgrading Flex to a paid plan needs the Owner, Administrator or Billing Manager role. You are Developer on Acme Support."
    );
    assert_eq!(
        refused_by(&mut c, NOAH, up(true, "Visa")),
        "Upgrading Flex to a paid plan needs the Owner, Administrator or Billing Manager role. You are Support on Acme Support."
    );
    assert_eq!(
        refused_by(&mut c, PRIYA, up(false, "Visa")),
        "Upgrading Flex needs the fair-usage terms to be accepted."
    );
    assert_eq!(
        refused_by(&mut c, PRIYA, up(true, "  ")),
        "Upgrading Flex needs a payment method."
    );
    let event = ok_by(&mut c, PRIYA, up(true, "Mastercard ending 4444"));
    assert_eq!(
        event.kind,
        EventKind::PlanUpgraded {
            billing_model: BillingModel::NamedUser,
            free_active_user_hours: 5_000
        }
    );
    let o = c.flex_overview(&acme).unwrap();
    assert!(o.plan.is_paid());
    let hours = c.active_user_hours(&acme, now()).unwrap();
    assert_eq!(
        (hours.free_hours, hours.left()),
        (5_000, Hours::whole(5_000))
    );
    assert_eq!(
        refused_by(&mut c, MARIA, up(true, "Visa")),
        "Flex is already on a paid plan in this account."
    );
    // A Billing Manager upgrades in the demo; Emma (Developer + Billing Manager) may too.
    let initech = account(&c, INITECH);
    ok_by(
        &mut c,
        PRIYA,
        Command::CreateFlexInstance { account: initech },
    );
    let up = Command::UpgradePlan {
        account: initech,
        billing_model: BillingModel::ActiveUserHours,
        accept_fair_usage_terms: true,
        payment_method: "Visa".into(),
    };
    ok_by(&mut c, EMMA, up);
    assert_eq!(c.account(&initech).unwrap().account_type, AccountType::Full);
}

#[test]
fn long_settings_and_payment_methods_are_refused_as_import_refuses_them() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let url = format!("https://crm.example.com/{}", "a".repeat(2_048));
    let settings = FlexSettings {
        crm_enabled: true,
        crm_callback_url: Some(url),
        ..FlexSettings::default()
    };
    assert_eq!(
        refused_by(
            &mut c,
            MARIA,
            Command::UpdateFlexSettings {
                account: acme,
                settings,
                revision: None,
            }
        ),
        "The Flex setting crm_callback_url must be an https:// address of at most 2,048 characters."
    );
    let upgrade = |payment: String| Command::UpgradePlan {
        account: acme,
        billing_model: BillingModel::NamedUser,
        accept_fair_usage_terms: true,
        payment_method: payment,
    };
    assert_eq!(
        refused_by(&mut c, MARIA, upgrade("V".repeat(65))),
        "The payment method is too long: it can have at most 64 characters."
    );
    ok_by(&mut c, MARIA, upgrade("Visa ending 4242".into()));
}
