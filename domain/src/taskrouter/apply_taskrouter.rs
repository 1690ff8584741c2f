//! Commands on an account's TaskRouter workspace, from the Console: activities, task
//! channels, task queues, workflows, and workers' attributes and capacity. All need
//! "manage products" (Owner, Administrator, Developer); each check reads the workspace and
//! gives the edit to make, which cannot fail.

use crate::apply::{Checked, Ctx, change};
use crate::console::Console;
use crate::error::DomainError;
use crate::event::EventKind;
use crate::flex::instance::FlexInstance;
use crate::flex::worker::{Skills, Worker, contact_uri};
use crate::sid::AccountSid;
use crate::sid::{ActivitySid, TaskChannelSid, TaskQueueSid, WorkerSid, WorkflowSid};
use crate::taskrouter::activity::{ACTIVITY_NAME_MAX, Activity, MAX_ACTIVITIES};
use crate::taskrouter::channel::{
    CHANNEL_NAME_MAX, MAX_CAPACITY, MAX_CHANNELS, TaskChannel, WorkerChannel, unique_name_problem,
};
use crate::taskrouter::command::TaskRouterCommand;
use crate::taskrouter::error::{TaskRouterError, list_names};
use crate::taskrouter::event::TaskRouterEvent;
use crate::taskrouter::expression::{Expression, Scope};
use crate::taskrouter::queue::{
    DEFAULT_SLA_THRESHOLD, MAX_RESERVED_WORKERS, QUEUE_NAME_MAX, TaskQueue, TaskQueueSpec,
};
use crate::taskrouter::workflow::{
    MAX_CONFIGURATION_BYTES, MAX_RESERVATION_TIMEOUT, WORKFLOW_NAME_MAX, Workflow,
    WorkflowConfiguration, WorkflowSpec,
};
use crate::taskrouter::workspace::Workspace;

pub use crate::flex::worker::MAX_WORKER_ATTRIBUTES as MAX_ATTRIBUTES;
/// How many names a refusal lists before "and N others".
const NAMES_SHOWN: usize = 3;

/// A checked edit of the workspace: makes the change and says what happened.
type Edit<'c> = Box<dyn FnOnce(&mut Console, &AccountSid, &Ctx) -> TaskRouterEvent + 'c>;

type Result<T> = std::result::Result<T, DomainError>;

impl Console {
    /// Checks a TaskRouter change in `account` and gives the change to make.
    pub(crate) fn taskrouter<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        command: &'c TaskRouterCommand,
    ) -> Checked<'c> {
        use TaskRouterCommand as T;
        let (_, _, acc) = self.authorize(ctx, account)?;
        let flex = acc.flex.as_ref().ok_or(DomainError::NoFlexInstance)?;
        let edit: Edit<'c> = match command {
            T::CreateActivity {
                friendly_name,
                available,
            } => create_activity(&flex.workspace, friendly_name, *available)?,
            T::RenameActivity {
                activity,
                friendly_name,
            } => rename_activity(&flex.workspace, activity, friendly_name)?,
            T::DeleteActivity { activity } => delete_activity(flex, activity)?,
            T::SetWorkspaceActivities {
                default_activity,
                timeout_activity,
            } => set_workspace_activities(&flex.workspace, default_activity, timeout_activity)?,
            T::CreateTaskChannel {
                unique_name,
                friendly_name,
            } => create_channel(&flex.workspace, unique_name, friendly_name)?,
            T::DeleteTaskChannel { channel } => delete_channel(&flex.workspace, channel)?,
            T::CreateTaskQueue { spec } => create_queue(&flex.workspace, spec)?,
            T::UpdateTaskQueue {
                queue,
                spec,
                revision,
            } => self.update_queue(&flex.workspace, queue, spec, *revision)?,
            T::DeleteTaskQueue { queue } => delete_queue(flex, queue)?,
            T::CreateWorkflow { spec } => create_workflow(&flex.workspace, spec)?,
            T::UpdateWorkflow {
                workflow,
                spec,
                revision,
            } => self.update_workflow(&flex.workspace, workflow, spec, *revision)?,
            T::DeleteWorkflow { workflow } => delete_workflow(flex, workflow)?,
            T::SetWorkerAttributes {
                worker,
                attributes,
                revision,
            } => self.set_worker_attributes(&flex.workspace, worker, attributes, *revision)?,
            T::SetWorkerChannel {
                worker,
                channel,
                capacity,
                available,
            } => set_worker_channel(&flex.workspace, worker, channel, *capacity, *available)?,
        };
        change(move |c, ctx| {
            let event = edit(c, account, ctx);
            (Some(*account), EventKind::TaskRouter { change: event })
        })
    }

    fn update_queue<'c>(
        &self,
        ws: &Workspace,
        sid: &'c TaskQueueSid,
        spec: &'c TaskQueueSpec,
        revision: u64,
    ) -> Result<Edit<'c>> {
        let queue = find_queue(ws, sid)?;
        self.check_revision(&queue.revision, revision, "this task queue")?;
        check_queue(ws, spec, Some(sid))?;
        let new_expression = queue.target_workers != spec.target_workers.trim();
        Ok(Box::new(move |c, account, ctx| {
            if let Some(q) = workspace_mut(c, account).and_then(|ws| queue_mut(ws, sid)) {
                apply_queue_spec(q, spec);
                q.revision = q.revision.next(ctx.actor, ctx.now);
            }
            if new_expression {
                c.index_queue(account, sid);
            }
            TaskRouterEvent::TaskQueueUpdated {
                queue: *sid,
                name: spec.friendly_name.trim().to_owned(),
            }
        }))
    }

    fn update_workflow<'c>(
        &self,
        ws: &Workspace,
        sid: &'c WorkflowSid,
        spec: &'c WorkflowSpec,
        revision: u64,
    ) -> Result<Edit<'c>> {
        let workflow = find_workflow(ws, sid)?;
        self.check_revision(&workflow.revision, revision, "this workflow")?;
        check_workflow(ws, spec, Some(sid))?;
        Ok(Box::new(move |c, account, ctx| {
            if let Some(w) = workspace_mut(c, account)
                .and_then(|ws| ws.workflows.iter_mut().find(|w| &w.sid == sid))
            {
                w.friendly_name = spec.friendly_name.trim().to_owned();
                w.task_reservation_timeout = spec.task_reservation_timeout;
                w.configuration = spec.configuration.clone();
                w.revision = w.revision.next(ctx.actor, ctx.now);
            }
            TaskRouterEvent::WorkflowUpdated {
                workflow: *sid,
                name: spec.friendly_name.trim().to_owned(),
            }
        }))
    }

    /// Replacing a worker's attributes: any JSON object of at most 4,096 characters, whose
    /// `routing` and `disabled_skills` keep TaskRouter's shape, and whose keys Flex sets at
    /// every login (`full_name`, `email`, `roles`, `contact_uri`) are left as they are.
    fn set_worker_attributes<'c>(
        &self,
        ws: &Workspace,
        sid: &'c WorkerSid,
        text: &'c str,
        revision: u64,
    ) -> Result<Edit<'c>> {
        let worker = find_worker(ws, sid)?;
        self.check_revision(&worker.revision, revision, "this worker's attributes")?;
        let edited = EditedAttributes::read(worker, text)?;
        Ok(Box::new(move |c, account, ctx| {
            if let Some(w) = workspace_mut(c, account).and_then(|ws| ws.workers.get_mut(sid)) {
                w.image_url = edited.image_url;
                w.routing = edited.routing;
                w.disabled_skills = edited.disabled_skills;
                w.extra = edited.extra;
                w.revision = w.revision.next(ctx.actor, ctx.now);
            }
            c.worker_changed(account, sid, ctx.now);
            TaskRouterEvent::WorkerAttributesSet { worker: *sid }
        }))
    }
}

fn create_activity<'c>(ws: &Workspace, name: &'c str, available: bool) -> Result<Edit<'c>> {
    if ws.activities.len() >= MAX_ACTIVITIES {
        return Err(too_many("activities", MAX_ACTIVITIES));
    }
    let name = activity_name(ws, name, None)?;
    Ok(Box::new(move |c, account, _| {
        let sid = ActivitySid::generate(&mut c.random);
        if let Some(ws) = workspace_mut(c, account) {
            ws.activities.push(Activity {
                sid,
                friendly_name: name.clone(),
                available,
            });
        }
        TaskRouterEvent::ActivityCreated {
            activity: sid,
            name,
            available,
        }
    }))
}

fn rename_activity<'c>(ws: &Workspace, sid: &'c ActivitySid, name: &str) -> Result<Edit<'c>> {
    let from = find_activity(ws, sid)?.friendly_name.clone();
    let to = activity_name(ws, name, Some(sid))?;
    Ok(Box::new(move |c, account, _| {
        if let Some(a) = workspace_mut(c, account)
            .and_then(|ws| ws.activities.iter_mut().find(|a| &a.sid == sid))
        {
            a.friendly_name = to.clone();
        }
        TaskRouterEvent::ActivityRenamed {
            activity: *sid,
            from,
            to,
        }
    }))
}

/// An activity can go only when nobody is in it and nothing points to it: the workspace's
/// default and timeout activities, and Flex's offline activity.
fn delete_activity<'c>(flex: &FlexInstance, sid: &'c ActivitySid) -> Result<Edit<'c>> {
    let ws = &flex.workspace;
    let activity = find_activity(ws, sid)?;
    let subject = format!("The activity {}", activity.friendly_name);
    let pointed = [
        (
            ws.default_activity == *sid,
            "is the workspace's default activity, which new workers start in",
            "Choose another default activity first.",
        ),
        (
            ws.timeout_activity == *sid,
            "is the workspace's timeout activity, where a worker goes when a reservation times out",
            "Choose another timeout activity first.",
        ),
        (
            flex.config.taskrouter_offline_activity_sid == *sid,
            "is the activity Flex gives workers who sign out",
            "Flex needs it.",
        ),
    ];
    if let Some((_, reason, remedy)) = pointed.into_iter().find(|(is, ..)| *is) {
        return Err(in_use(subject, reason, remedy));
    }
    let inside: Vec<&Worker> = ws.workers.values().filter(|w| w.activity == *sid).collect();
    if !inside.is_empty() {
        let names = first_names(inside.iter().map(|w| w.full_name.clone()));
        let who = list_names(&names, inside.len());
        let verb = if inside.len() == 1 { "is" } else { "are" };
        return Err(in_use(
            subject,
            &format!("has workers in it ({who} {verb})"),
            "Move them to another activity first.",
        ));
    }
    let name = activity.friendly_name.clone();
    Ok(Box::new(move |c, account, _| {
        if let Some(ws) = workspace_mut(c, account) {
            ws.activities.retain(|a| &a.sid != sid);
        }
        TaskRouterEvent::ActivityDeleted {
            activity: *sid,
            name,
        }
    }))
}

fn set_workspace_activities<'c>(
    ws: &Workspace,
    default: &'c ActivitySid,
    timeout: &'c ActivitySid,
) -> Result<Edit<'c>> {
    let default_name = find_activity(ws, default)?.friendly_name.clone();
    let timeout_name = find_activity(ws, timeout)?.friendly_name.clone();
    Ok(Box::new(move |c, account, _| {
        if let Some(ws) = workspace_mut(c, account) {
            ws.default_activity = *default;
            ws.timeout_activity = *timeout;
        }
        TaskRouterEvent::WorkspaceActivitiesSet {
            default_activity: default_name,
            timeout_activity: timeout_name,
        }
    }))
}

fn create_channel<'c>(ws: &Workspace, unique: &str, friendly: &str) -> Result<Edit<'c>> {
    if ws.task_channels.len() >= MAX_CHANNELS {
        return Err(too_many(
            "task channels, the five built-in ones included",
            MAX_CHANNELS,
        ));
    }
    let unique = unique.trim().to_owned();
    if unique.is_empty() {
        return Err(invalid("Unique Name", "Enter a unique name, e.g. video."));
    }
    if let Some(problem) = unique_name_problem(&unique) {
        return Err(invalid(
            "Unique Name",
            &format!("{unique} {problem} (TaskRouter's rule for channel names)."),
        ));
    }
    if ws
        .task_channels
        .iter()
        .any(|c| c.unique_name.eq_ignore_ascii_case(&unique))
    {
        return Err(TaskRouterError::NameTaken {
            what: "task channel",
            name: unique,
        }
        .into());
    }
    let friendly = match friendly.trim() {
        "" => unique.clone(),
        name if name.chars().count() > CHANNEL_NAME_MAX => {
            return Err(invalid("Friendly Name", "Use at most 64 characters."));
        }
        name => name.to_owned(),
    };
    Ok(Box::new(move |c, account, _| {
        let sid = TaskChannelSid::generate(&mut c.random);
        if let Some(ws) = workspace_mut(c, account) {
            ws.task_channels.push(TaskChannel {
                sid,
                unique_name: unique.clone(),
                friendly_name: friendly,
            });
        }
        TaskRouterEvent::TaskChannelCreated {
            channel: sid,
            unique_name: unique,
        }
    }))
}

fn delete_channel<'c>(ws: &Workspace, sid: &'c TaskChannelSid) -> Result<Edit<'c>> {
    let channel = find_channel(ws, sid)?;
    if channel.built_in() {
        return Err(in_use(
            format!("The task channel {}", channel.unique_name),
            "is one of the five Flex creates",
            "Flex's own channels cannot be deleted.",
        ));
    }
    let open = ws
        .tasks
        .values()
        .filter(|t| t.channel == *sid && !t.status.ended())
        .count();
    if open > 0 {
        return Err(in_use(
            format!("The task channel {}", channel.unique_name),
            &format!("has {} open", tasks_count(open)),
            "Wait until they are handled, or cancel them first.",
        ));
    }
    let unique_name = channel.unique_name.clone();
    Ok(Box::new(move |c, account, _| {
        if let Some(ws) = workspace_mut(c, account) {
            ws.task_channels.retain(|c| &c.sid != sid);
            for worker in ws.workers.values_mut() {
                worker.channels.remove(sid);
            }
        }
        TaskRouterEvent::TaskChannelDeleted {
            channel: *sid,
            unique_name,
        }
    }))
}

fn create_queue<'c>(ws: &Workspace, spec: &'c TaskQueueSpec) -> Result<Edit<'c>> {
    check_queue(ws, spec, None)?;
    Ok(Box::new(move |c, account, _| {
        let sid = TaskQueueSid::generate(&mut c.random);
        let mut queue = TaskQueue {
            sid,
            friendly_name: String::new(),
            target_workers: String::new(),
            max_reserved_workers: 1,
            task_order: Default::default(),
            revision: Default::default(),
            sla_threshold: DEFAULT_SLA_THRESHOLD,
        };
        apply_queue_spec(&mut queue, spec);
        let name = queue.friendly_name.clone();
        if let Some(ws) = workspace_mut(c, account) {
            ws.task_queues.push(queue);
        }
        c.index_queue(account, &sid);
        TaskRouterEvent::TaskQueueCreated { queue: sid, name }
    }))
}

fn apply_queue_spec(queue: &mut TaskQueue, spec: &TaskQueueSpec) {
    queue.friendly_name = spec.friendly_name.trim().to_owned();
    queue.target_workers = spec.target_workers.trim().to_owned();
    queue.max_reserved_workers = spec.max_reserved_workers;
    queue.task_order = spec.task_order;
}

/// A queue's form: a unique name, an expression that parses, 1 to 50 reserved workers.
fn check_queue(ws: &Workspace, spec: &TaskQueueSpec, this: Option<&TaskQueueSid>) -> Result<()> {
    let name = clean("Task Queue Name", &spec.friendly_name, QUEUE_NAME_MAX)?;
    let taken = ws
        .task_queues
        .iter()
        .any(|q| Some(&q.sid) != this && q.friendly_name.eq_ignore_ascii_case(&name));
    if taken {
        return Err(TaskRouterError::NameTaken {
            what: "task queue",
            name,
        }
        .into());
    }
    if spec.target_workers.trim().is_empty() {
        return Err(invalid(
            "Queue Expression",
            "Enter which workers the queue targets; 1==1 targets every worker.",
        ));
    }
    parse("Queue Expression", &spec.target_workers, Scope::Queue)?;
    if !(1..=MAX_RESERVED_WORKERS).contains(&spec.max_reserved_workers) {
        return Err(invalid(
            "Max Reserved Workers",
            "Choose from 1 to 50 workers reserved at once for one task.",
        ));
    }
    Ok(())
}

/// A queue can go when Flex does not use it and no workflow routes to it.
fn delete_queue<'c>(flex: &FlexInstance, sid: &'c TaskQueueSid) -> Result<Edit<'c>> {
    let ws = &flex.workspace;
    let queue = find_queue(ws, sid)?;
    let subject = format!("The task queue {}", queue.friendly_name);
    if flex.config.taskrouter_target_taskqueue_sid == *sid {
        return Err(in_use(
            subject,
            "is the task queue Flex is configured with",
            "Flex needs it.",
        ));
    }
    let waiting = ws
        .tasks
        .values()
        .filter(|t| t.status.routing() && t.placement.is_some_and(|p| p.queue == *sid))
        .count();
    if waiting > 0 {
        return Err(in_use(
            subject,
            &format!("has {} waiting in it", tasks_count(waiting)),
            "Wait until they are taken, or cancel them first.",
        ));
    }
    let routing: Vec<String> = ws
        .workflows
        .iter()
        .filter(|w| w.configuration.routes_to(sid))
        .map(|w| w.friendly_name.clone())
        .collect();
    if !routing.is_empty() {
        let (noun, pronoun) = if routing.len() == 1 {
            ("workflow", "it")
        } else {
            ("workflows", "them")
        };
        return Err(in_use(
            subject,
            &format!(
                "is used by the {noun} {}",
                list_names(&routing, routing.len())
            ),
            &format!("Route {pronoun} to another queue first."),
        ));
    }
    let name = queue.friendly_name.clone();
    Ok(Box::new(move |c, account, _| {
        if let Some(ws) = workspace_mut(c, account) {
            ws.task_queues.retain(|q| &q.sid != sid);
        }
        c.unindex_queue(sid);
        TaskRouterEvent::TaskQueueDeleted { queue: *sid, name }
    }))
}

fn create_workflow<'c>(ws: &Workspace, spec: &'c WorkflowSpec) -> Result<Edit<'c>> {
    check_workflow(ws, spec, None)?;
    Ok(Box::new(move |c, account, _| {
        let sid = WorkflowSid::generate(&mut c.random);
        let name = spec.friendly_name.trim().to_owned();
        if let Some(ws) = workspace_mut(c, account) {
            ws.workflows.push(Workflow {
                sid,
                friendly_name: name.clone(),
                task_reservation_timeout: spec.task_reservation_timeout,
                configuration: spec.configuration.clone(),
                revision: Default::default(),
            });
        }
        TaskRouterEvent::WorkflowCreated {
            workflow: sid,
            name,
        }
    }))
}

/// A workflow's form: a unique name, a reservation timeout of 1 s to a day, and a
/// configuration whose every expression parses and every queue exists.
fn check_workflow(ws: &Workspace, spec: &WorkflowSpec, this: Option<&WorkflowSid>) -> Result<()> {
    let name = clean("Workflow Name", &spec.friendly_name, WORKFLOW_NAME_MAX)?;
    let taken = ws
        .workflows
        .iter()
        .any(|w| Some(&w.sid) != this && w.friendly_name.eq_ignore_ascii_case(&name));
    if taken {
        return Err(TaskRouterError::NameTaken {
            what: "workflow",
            name,
        }
        .into());
    }
    if !(1..=MAX_RESERVATION_TIMEOUT).contains(&spec.task_reservation_timeout) {
        return Err(invalid(
            "Task Reservation Timeout",
            "Choose from 1 to 86,400 seconds (a day).",
        ));
    }
    check_configuration(ws, &spec.configuration)
}

/// Every filter's expression, every step's queue, expression, timeout, Skip If and
/// ordering, and the default queue; each refusal names the filter and step.
pub(crate) fn check_configuration(ws: &Workspace, config: &WorkflowConfiguration) -> Result<()> {
    if config.to_json().len() > MAX_CONFIGURATION_BYTES {
        return Err(invalid(
            "Configuration",
            "TaskRouter accepts at most 1,038,576 bytes of configuration.",
        ));
    }
    for (i, filter) in config.filters.iter().enumerate() {
        let at = filter_label(i, &filter.name);
        if filter.expression.trim().is_empty() {
            return Err(invalid(
                &format!("{at}, Matching Tasks"),
                "Enter which tasks the filter takes; 1==1 takes every task.",
            ));
        }
        parse(
            &format!("{at}, Matching Tasks"),
            &filter.expression,
            Scope::Filter,
        )?;
        if filter.targets.is_empty() {
            return Err(invalid(
                &at,
                "Add a routing step: a filter routes through its steps.",
            ));
        }
        for (j, target) in filter.targets.iter().enumerate() {
            let step = format!("{at}, step {}", j + 1);
            match &target.queue {
                Some(queue) => {
                    find_queue(ws, queue).map_err(|_| {
                        invalid(
                            &format!("{step}, Task Queue"),
                            &format!("{queue} is not a task queue of this workspace."),
                        )
                    })?;
                }
                None if j == 0 => {
                    return Err(invalid(
                        &format!("{step}, Task Queue"),
                        "Choose the task queue of the first step (later steps may keep it).",
                    ));
                }
                None => {}
            }
            if let Some(expression) = non_empty(&target.expression) {
                parse(&format!("{step}, Expression"), expression, Scope::Target)?;
            }
            if let Some(skip_if) = non_empty(&target.skip_if) {
                parse(&format!("{step}, Skip If"), skip_if, Scope::SkipIf)?;
            }
            if let Some(order_by) = non_empty(&target.order_by) {
                crate::taskrouter::ordering::Ordering::parse(order_by)
                    .map_err(|reason| invalid(&format!("{step}, Ordering"), &reason))?;
            }
            if target.timeout == Some(0) {
                return Err(invalid(
                    &format!("{step}, Timeout"),
                    "A step's timeout is a positive number of seconds (or none, to wait there).",
                ));
            }
        }
    }
    if let Some(queue) = &config.default_queue {
        find_queue(ws, queue).map_err(|_| {
            invalid(
                "Default Task Queue",
                &format!("{queue} is not a task queue of this workspace."),
            )
        })?;
    }
    Ok(())
}

/// How a filter is named in a refusal: "Filter 2 (Spanish)".
pub fn filter_label(index: usize, name: &str) -> String {
    match name.trim() {
        "" => format!("Filter {}", index + 1),
        name => format!("Filter {} ({name})", index + 1),
    }
}

/// A workflow can go when Flex does not use it.
fn delete_workflow<'c>(flex: &FlexInstance, sid: &'c WorkflowSid) -> Result<Edit<'c>> {
    let workflow = find_workflow(&flex.workspace, sid)?;
    if flex.config.taskrouter_target_workflow_sid == *sid {
        return Err(in_use(
            format!("The workflow {}", workflow.friendly_name),
            "is the workflow Flex is configured with",
            "Flex needs it.",
        ));
    }
    let open = flex
        .workspace
        .tasks
        .values()
        .filter(|t| t.workflow == *sid && !t.status.ended())
        .count();
    if open > 0 {
        return Err(in_use(
            format!("The workflow {}", workflow.friendly_name),
            &format!("is routing {}", tasks_count(open)),
            "Wait until they are handled, or cancel them first.",
        ));
    }
    let name = workflow.friendly_name.clone();
    Ok(Box::new(move |c, account, _| {
        if let Some(ws) = workspace_mut(c, account) {
            ws.workflows.retain(|w| &w.sid != sid);
        }
        TaskRouterEvent::WorkflowDeleted {
            workflow: *sid,
            name,
        }
    }))
}

fn set_worker_channel<'c>(
    ws: &Workspace,
    worker: &'c WorkerSid,
    channel: &'c TaskChannelSid,
    capacity: u32,
    available: bool,
) -> Result<Edit<'c>> {
    find_worker(ws, worker)?;
    let unique_name = find_channel(ws, channel)?.unique_name.clone();
    if capacity > MAX_CAPACITY {
        return Err(invalid(
            "Capacity",
            "A worker holds from 0 to 50 tasks of a channel at once.",
        ));
    }
    Ok(Box::new(move |c, account, ctx| {
        if let Some(w) = workspace_mut(c, account).and_then(|ws| ws.workers.get_mut(worker)) {
            let setting = WorkerChannel {
                capacity,
                available,
            };
            if setting == WorkerChannel::default() {
                w.channels.remove(channel);
            } else {
                w.channels.insert(*channel, setting);
            }
            w.revision = w.revision.next(ctx.actor, ctx.now);
        }
        c.offer_worker(account, worker, ctx.now);
        TaskRouterEvent::WorkerChannelSet {
            worker: *worker,
            channel: unique_name,
            capacity,
            available,
        }
    }))
}

/// A worker's attributes as typed, read and checked.
struct EditedAttributes {
    image_url: String,
    routing: Skills,
    disabled_skills: Skills,
    extra: serde_json::Map<String, serde_json::Value>,
}

impl EditedAttributes {
    fn read(worker: &Worker, text: &str) -> Result<EditedAttributes> {
        let count = text.chars().count();
        if count > MAX_ATTRIBUTES {
            return Err(invalid(
                "Attributes",
                &format!(
                    "TaskRouter keeps at most 4,096 characters of attributes, whitespace included; these have {count}."
                ),
            ));
        }
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| TaskRouterError::Json {
                what: "The attributes",
                line: e.line(),
                column: e.column(),
                message: serde_message(&e),
            })?;
        let serde_json::Value::Object(mut map) = value else {
            return Err(invalid(
                "Attributes",
                "The attributes must be one JSON object, in braces { }.",
            ));
        };
        let flex_own = [
            (
                "full_name",
                serde_json::Value::from(worker.full_name.clone()),
            ),
            (
                "email",
                serde_json::Value::from(worker.identity.to_string()),
            ),
            ("roles", serde_json::Value::from(worker.role_names())),
            (
                "contact_uri",
                serde_json::Value::from(contact_uri(worker.identity.as_str())),
            ),
        ];
        let changed: Vec<&str> = flex_own
            .iter()
            .filter(|(key, value)| map.get(*key) != Some(value))
            .map(|(key, _)| *key)
            .collect();
        if !changed.is_empty() {
            return Err(invalid(
                "Attributes",
                &format!(
                    "Flex sets {} at every login; leave {} as {}.",
                    changed.join(", "),
                    if changed.len() == 1 { "it" } else { "them" },
                    if changed.len() == 1 {
                        "it is"
                    } else {
                        "they are"
                    },
                ),
            ));
        }
        for (key, _) in &flex_own {
            map.remove(*key);
        }
        let image_url = match map.remove("image_url") {
            None => String::new(),
            Some(serde_json::Value::String(url)) => url,
            Some(_) => return Err(invalid("Attributes", "image_url must be a string.")),
        };
        let routing = skills_at(&mut map, "routing")?;
        let disabled_skills = skills_at(&mut map, "disabled_skills")?;
        Ok(EditedAttributes {
            image_url,
            routing,
            disabled_skills,
            extra: map,
        })
    }
}

/// `routing` or `disabled_skills` in TaskRouter's shape: `{"skills": [..], "levels": {..}}`.
fn skills_at(map: &mut serde_json::Map<String, serde_json::Value>, key: &str) -> Result<Skills> {
    let Some(value) = map.remove(key) else {
        return Ok(Skills::default());
    };
    serde_json::from_value(value).map_err(|e| {
        invalid(
            "Attributes",
            &format!(
                "{key} must be {{\"skills\": [names], \"levels\": {{name: whole number}}}} ({}).",
                serde_message(&e)
            ),
        )
    })
}

/// serde_json's message without its " at line L column C" (the position is given apart).
pub(crate) fn serde_message(e: &serde_json::Error) -> String {
    let message = e.to_string();
    message
        .rsplit_once(" at line ")
        .map_or(message.clone(), |(m, _)| m.to_owned())
}

/// Parses an expression typed in `field`, or says where it goes wrong.
pub(crate) fn parse(field: &str, text: &str, scope: Scope) -> Result<Expression> {
    Expression::parse(text.trim(), scope).map_err(|e| {
        TaskRouterError::Expression {
            field: field.to_owned(),
            message: e.to_string(),
        }
        .into()
    })
}

fn non_empty(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

/// A name typed in `field`: trimmed, 1 to `max` characters.
fn clean(field: &str, text: &str, max: usize) -> Result<String> {
    let name = text.trim();
    if name.is_empty() {
        return Err(invalid(field, "Enter a name."));
    }
    if name.chars().count() > max {
        return Err(invalid(field, &format!("Use at most {max} characters.")));
    }
    Ok(name.to_owned())
}

fn activity_name(ws: &Workspace, text: &str, this: Option<&ActivitySid>) -> Result<String> {
    let name = clean("Activity name", text, ACTIVITY_NAME_MAX)?;
    let taken = ws
        .activities
        .iter()
        .any(|a| Some(&a.sid) != this && a.friendly_name.eq_ignore_ascii_case(&name));
    if taken {
        return Err(TaskRouterError::NameTaken {
            what: "activity",
            name,
        }
        .into());
    }
    Ok(name)
}

fn invalid(field: &str, reason: &str) -> DomainError {
    TaskRouterError::Invalid {
        field: field.to_owned(),
        reason: reason.to_owned(),
    }
    .into()
}

fn in_use(subject: String, reason: &str, remedy: &str) -> DomainError {
    TaskRouterError::InUse {
        subject,
        reason: reason.to_owned(),
        remedy: remedy.to_owned(),
    }
    .into()
}

fn too_many(what: &'static str, max: usize) -> DomainError {
    TaskRouterError::TooMany { what, max }.into()
}

/// "1 task", "3 tasks".
fn tasks_count(n: usize) -> String {
    if n == 1 {
        "1 task".to_owned()
    } else {
        format!("{n} tasks")
    }
}

/// The first few names, sorted, for a refusal that lists who is concerned.
pub(crate) fn first_names(names: impl Iterator<Item = String>) -> Vec<String> {
    let mut names: Vec<String> = names.collect();
    names.sort();
    names.truncate(NAMES_SHOWN);
    names
}

fn unknown(what: &'static str, id: impl ToString) -> DomainError {
    TaskRouterError::Unknown {
        what,
        id: id.to_string(),
    }
    .into()
}

fn find_activity<'a>(ws: &'a Workspace, sid: &ActivitySid) -> Result<&'a Activity> {
    ws.activity(sid).ok_or_else(|| unknown("activity", sid))
}

fn find_channel<'a>(ws: &'a Workspace, sid: &TaskChannelSid) -> Result<&'a TaskChannel> {
    ws.channel(sid).ok_or_else(|| unknown("task channel", sid))
}

fn find_queue<'a>(ws: &'a Workspace, sid: &TaskQueueSid) -> Result<&'a TaskQueue> {
    ws.queue(sid).ok_or_else(|| unknown("task queue", sid))
}

fn find_workflow<'a>(ws: &'a Workspace, sid: &WorkflowSid) -> Result<&'a Workflow> {
    ws.workflow(sid).ok_or_else(|| unknown("workflow", sid))
}

fn find_worker<'a>(ws: &'a Workspace, sid: &WorkerSid) -> Result<&'a Worker> {
    ws.workers.get(sid).ok_or_else(|| unknown("worker", sid))
}

/// The workspace a change works on (its checks found it, so it is there).
pub(crate) fn workspace_mut<'a>(
    c: &'a mut Console,
    account: &AccountSid,
) -> Option<&'a mut Workspace> {
    Some(&mut c.account_mut(account)?.flex.as_mut()?.workspace)
}

fn queue_mut<'a>(ws: &'a mut Workspace, sid: &TaskQueueSid) -> Option<&'a mut TaskQueue> {
    ws.task_queues.iter_mut().find(|q| &q.sid == sid)
}
