//! Whole-workspace checks for a saved or imported state: every rule the TaskRouter commands
//! keep, checked from scratch, the first bad field named by its JSON path.

use crate::flex::instance::FlexInstance;
use crate::flex::skills::skill_problem;
use crate::taskrouter::activity::{ACTIVITY_NAME_MAX, MAX_ACTIVITIES};
use crate::taskrouter::apply_taskrouter::{MAX_ATTRIBUTES, check_configuration};
use crate::taskrouter::channel::{
    BUILT_IN_CHANNELS, CHANNEL_NAME_MAX, MAX_CAPACITY, MAX_CHANNELS, unique_name_problem,
};
use crate::taskrouter::expression::{Expression, Scope};
use crate::taskrouter::queue::{MAX_RESERVED_WORKERS, QUEUE_NAME_MAX};
use crate::taskrouter::task::{MAX_TASK_ATTRIBUTES, ReservationStatus, Task, TaskStatus};
use crate::taskrouter::workflow::{MAX_RESERVATION_TIMEOUT, WORKFLOW_NAME_MAX};
use crate::taskrouter::workspace::Workspace;
use crate::validate::{Check, ensure, fail};
use std::collections::HashSet;

/// Flex's own attribute keys, which a worker's added attributes may not hold.
const FLEX_KEYS: [&str; 7] = [
    "full_name",
    "email",
    "roles",
    "contact_uri",
    "image_url",
    "routing",
    "disabled_skills",
];

/// Checks the workspace of `flex`, found at JSON path `at` (the instance).
pub(crate) fn validate_workspace(flex: &FlexInstance, at: &str) -> Check {
    let ws = &flex.workspace;
    let wat = format!("{at}.workspace");
    for (field, sid) in [
        ("default_activity", ws.default_activity),
        ("timeout_activity", ws.timeout_activity),
    ] {
        ensure(
            ws.activity(&sid).is_some(),
            || format!("{wat}.{field}"),
            "is not an activity of this workspace",
        )?;
    }
    ensure(
        ws.activities.len() <= MAX_ACTIVITIES,
        || format!("{wat}.activities"),
        "holds more than 100 activities",
    )?;
    unique_names(
        ws.activities.iter().map(|a| a.friendly_name.as_str()),
        ACTIVITY_NAME_MAX,
        &format!("{wat}.activities"),
    )?;
    ensure(
        ws.task_channels.len() <= MAX_CHANNELS,
        || format!("{wat}.task_channels"),
        "holds more than 15 task channels",
    )?;
    for name in BUILT_IN_CHANNELS {
        ensure(
            ws.channel_named(name).is_some(),
            || format!("{wat}.task_channels"),
            &format!("needs Flex's {name} channel"),
        )?;
    }
    unique_names(
        ws.task_channels.iter().map(|c| c.unique_name.as_str()),
        CHANNEL_NAME_MAX,
        &format!("{wat}.task_channels"),
    )?;
    for (i, channel) in ws.task_channels.iter().enumerate() {
        if let Some(problem) = unique_name_problem(&channel.unique_name) {
            fail(format!("{wat}.task_channels[{i}].unique_name"), problem)?;
        }
    }
    unique_names(
        ws.task_queues.iter().map(|q| q.friendly_name.as_str()),
        QUEUE_NAME_MAX,
        &format!("{wat}.task_queues"),
    )?;
    for (i, queue) in ws.task_queues.iter().enumerate() {
        let qat = format!("{wat}.task_queues[{i}]");
        if let Err(e) = Expression::parse(&queue.target_workers, Scope::Queue) {
            fail(format!("{qat}.target_workers"), e.to_string())?;
        }
        ensure(
            (1..=MAX_RESERVED_WORKERS).contains(&queue.max_reserved_workers),
            || format!("{qat}.max_reserved_workers"),
            "must be from 1 to 50",
        )?;
    }
    unique_names(
        ws.workflows.iter().map(|w| w.friendly_name.as_str()),
        WORKFLOW_NAME_MAX,
        &format!("{wat}.workflows"),
    )?;
    for (i, workflow) in ws.workflows.iter().enumerate() {
        let fat = format!("{wat}.workflows[{i}]");
        ensure(
            (1..=MAX_RESERVATION_TIMEOUT).contains(&workflow.task_reservation_timeout),
            || format!("{fat}.task_reservation_timeout"),
            "must be from 1 to 86,400 seconds",
        )?;
        if let Err(e) = check_configuration(ws, &workflow.configuration) {
            fail(format!("{fat}.configuration"), e.to_string())?;
        }
    }
    for (sid, worker) in &ws.workers {
        let path = format!("{wat}.workers.{sid}");
        for (channel, setting) in &worker.channels {
            ensure(
                ws.channel(channel).is_some(),
                || format!("{path}.channels.{channel}"),
                "is not a task channel of this workspace",
            )?;
            ensure(
                setting.capacity <= MAX_CAPACITY,
                || format!("{path}.channels.{channel}.capacity"),
                "must be from 0 to 50",
            )?;
        }
        if let Some(key) = FLEX_KEYS.iter().find(|k| worker.extra.contains_key(**k)) {
            fail(
                format!("{path}.extra.{key}"),
                "is one of Flex's own attributes, kept in its own field",
            )?;
        }
        let attributes = serde_json::to_string(&worker.attributes()).unwrap_or_default();
        ensure(
            attributes.chars().count() <= MAX_ATTRIBUTES,
            || format!("{path}.extra"),
            "makes the attributes longer than TaskRouter's 4,096 characters",
        )?;
    }
    for (sid, task) in &ws.tasks {
        validate_task(ws, task, &format!("{wat}.tasks.{sid}"))?;
        ensure(
            sid == &task.sid,
            || format!("{wat}.tasks.{sid}.sid"),
            "does not match the key it is stored under",
        )?;
    }
    for worker in &ws.simulated_agents {
        ensure(
            ws.workers.contains_key(worker),
            || format!("{wat}.simulated_agents"),
            "names a worker not in this workspace",
        )?;
    }
    let mut skills = HashSet::new();
    for (i, skill) in flex.config.taskrouter_skills.iter().enumerate() {
        let sat = format!("{at}.config.taskrouter_skills[{i}]");
        if let Some(problem) = skill_problem(skill) {
            fail(format!("{sat}.name"), problem)?;
        }
        ensure(
            skills.insert(skill.name.to_lowercase()),
            || format!("{sat}.name"),
            "another skill has this name",
        )?;
    }
    Ok(())
}

/// A task's references and statuses agree: its workflow and channel exist while it is open,
/// its reservations' statuses match its own, and its attributes fit.
fn validate_task(ws: &Workspace, task: &Task, at: &str) -> Check {
    let open = !task.status.ended();
    if open {
        ensure(
            ws.workflow(&task.workflow).is_some(),
            || format!("{at}.workflow"),
            "is not a workflow of this workspace",
        )?;
        ensure(
            ws.channel(&task.channel).is_some(),
            || format!("{at}.channel"),
            "is not a task channel of this workspace",
        )?;
        if let Some(p) = &task.placement {
            ensure(
                ws.queue(&p.queue).is_some(),
                || format!("{at}.placement.queue"),
                "is not a task queue of this workspace",
            )?;
        }
        for (i, r) in task.reservations.iter().enumerate() {
            ensure(
                !r.status.holds_capacity() || ws.workers.contains_key(&r.worker),
                || format!("{at}.reservations[{i}].worker"),
                "is not a worker of this workspace",
            )?;
        }
    }
    ensure(
        task.attributes.is_object(),
        || format!("{at}.attributes"),
        "must be a JSON object",
    )?;
    let attributes = serde_json::to_string(&task.attributes).unwrap_or_default();
    ensure(
        attributes.chars().count() <= MAX_TASK_ATTRIBUTES,
        || format!("{at}.attributes"),
        "are longer than TaskRouter's 4,096 characters",
    )?;
    let pending = task.pending().count();
    let held = task
        .reservations
        .iter()
        .filter(|r| {
            matches!(
                r.status,
                ReservationStatus::Accepted | ReservationStatus::Wrapping
            )
        })
        .count();
    let consistent = match task.status {
        TaskStatus::Pending => pending == 0 && held == 0,
        TaskStatus::Reserved => pending > 0 && held == 0,
        TaskStatus::Assigned | TaskStatus::Wrapping => {
            pending == 0 && held == 1 && task.worker.is_some()
        }
        TaskStatus::Completed | TaskStatus::Canceled => {
            pending == 0 && held == 0 && task.ended.is_some()
        }
    };
    ensure(
        consistent,
        || format!("{at}.status"),
        "does not agree with its reservations",
    )
}

/// Names of 1 to `max` characters, unique ignoring case.
fn unique_names<'a>(names: impl Iterator<Item = &'a str>, max: usize, at: &str) -> Check {
    let mut seen = HashSet::new();
    for (i, name) in names.enumerate() {
        let trimmed = name.trim();
        ensure(
            !trimmed.is_empty() && trimmed.chars().count() <= max && trimmed == name,
            || format!("{at}[{i}]"),
            &format!("needs a name of 1 to {max} characters, without spaces around it"),
        )?;
        ensure(
            seen.insert(name.to_lowercase()),
            || format!("{at}[{i}]"),
            "another has this name",
        )?;
    }
    Ok(())
}
