//! Workflows: how a task finds its queue. Filters are tried top to bottom and the first whose
//! Matching Tasks expression holds takes the task through its routing steps (targets) in
//! order; a task no filter matches goes to the Default Task Queue.
//!
//! The configuration is kept in Twilio's own JSON shape (`task_routing.filters[]`,
//! `default_filter`), so the JSON an administrator sees and edits is the value itself.

use crate::revision::Revision;
use crate::sid::{TaskQueueSid, WorkflowSid};
use serde::{Deserialize, Deserializer, Serialize};

/// Longest workflow name.
pub const WORKFLOW_NAME_MAX: usize = 64;
/// The Task Reservation Timeout a new workflow gets, in seconds.
pub const DEFAULT_RESERVATION_TIMEOUT: u32 = 120;
/// The longest Task Reservation Timeout, in seconds (a day).
pub const MAX_RESERVATION_TIMEOUT: u32 = 86_400;
/// The longest configuration TaskRouter accepts, in bytes.
pub const MAX_CONFIGURATION_BYTES: usize = 1_038_576;

/// A TaskRouter workflow.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workflow {
    /// The workflow SID.
    pub sid: WorkflowSid,
    /// Its name.
    pub friendly_name: String,
    /// Seconds a worker has to answer a reservation before it times out.
    #[serde(default = "default_timeout")]
    pub task_reservation_timeout: u32,
    /// Filters and the default queue.
    #[serde(default)]
    pub configuration: WorkflowConfiguration,
    /// Its edits, for forms (see [`Revision`]).
    #[serde(default, skip_serializing_if = "Revision::is_new")]
    pub revision: Revision,
}

fn default_timeout() -> u32 {
    DEFAULT_RESERVATION_TIMEOUT
}

/// What a workflow form edits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkflowSpec {
    /// Its name.
    pub friendly_name: String,
    /// Task Reservation Timeout, in seconds (1 to 86,400).
    pub task_reservation_timeout: u32,
    /// Filters and the default queue.
    pub configuration: WorkflowConfiguration,
}

impl Default for WorkflowSpec {
    fn default() -> Self {
        WorkflowSpec {
            friendly_name: String::new(),
            task_reservation_timeout: DEFAULT_RESERVATION_TIMEOUT,
            configuration: WorkflowConfiguration::default(),
        }
    }
}

impl Workflow {
    /// What its form shows.
    pub fn spec(&self) -> WorkflowSpec {
        WorkflowSpec {
            friendly_name: self.friendly_name.clone(),
            task_reservation_timeout: self.task_reservation_timeout,
            configuration: self.configuration.clone(),
        }
    }
}

/// A workflow's routing: its filters in order and the Default Task Queue.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "ConfigurationJson", into = "ConfigurationJson")]
pub struct WorkflowConfiguration {
    /// Tried top to bottom; the first that matches takes the task.
    pub filters: Vec<Filter>,
    /// Where a task no filter matches waits (None: such a task is not routed).
    pub default_queue: Option<TaskQueueSid>,
}

/// One filter: which tasks it takes (Matching Tasks) and the steps that route them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Filter {
    /// Filter Name.
    #[serde(
        rename = "filter_friendly_name",
        alias = "friendly_name",
        default,
        skip_serializing_if = "String::is_empty"
    )]
    pub name: String,
    /// Matching Tasks: an expression over the task's attributes.
    pub expression: String,
    /// The routing steps, in order.
    #[serde(default)]
    pub targets: Vec<Target>,
}

/// One routing step of a filter.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Task Queue; a later step without one keeps the previous step's queue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub queue: Option<TaskQueueSid>,
    /// Which of the queue's workers: an expression over `task.` and `worker.`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expression: Option<String>,
    /// The task's priority while in this step (unset: the task keeps its own).
    #[serde(
        default,
        deserialize_with = "number_or_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub priority: Option<u32>,
    /// Seconds of the task's age at which it leaves this step for the next (unset: it
    /// waits here until its own timeout).
    #[serde(
        default,
        deserialize_with = "number_or_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub timeout: Option<u32>,
    /// Skip If: over `workers.available`, `workers.unavailable`, `workers.WA…`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skip_if: Option<String>,
    /// Ordering: `worker.x ASC` or `DESC`, several separated by commas.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_by: Option<String>,
}

/// Twilio writes a priority either as a number or as text ("10").
fn number_or_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either {
        Number(u32),
        Text(String),
    }
    match Option::<Either>::deserialize(d)? {
        None => Ok(None),
        Some(Either::Number(n)) => Ok(Some(n)),
        Some(Either::Text(t)) => t
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| serde::de::Error::custom(format!("\"{t}\" is not a whole number"))),
    }
}

/// The configuration as Twilio writes it.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigurationJson {
    task_routing: TaskRoutingJson,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TaskRoutingJson {
    #[serde(default)]
    filters: Vec<Filter>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    default_filter: Option<DefaultFilterJson>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DefaultFilterJson {
    queue: TaskQueueSid,
}

impl From<ConfigurationJson> for WorkflowConfiguration {
    fn from(json: ConfigurationJson) -> Self {
        WorkflowConfiguration {
            filters: json.task_routing.filters,
            default_queue: json.task_routing.default_filter.map(|d| d.queue),
        }
    }
}

impl From<WorkflowConfiguration> for ConfigurationJson {
    fn from(config: WorkflowConfiguration) -> Self {
        ConfigurationJson {
            task_routing: TaskRoutingJson {
                filters: config.filters,
                default_filter: config
                    .default_queue
                    .map(|queue| DefaultFilterJson { queue }),
            },
        }
    }
}

/// Why a configuration's JSON could not be read: where, and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigurationJsonError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for ConfigurationJsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

impl WorkflowConfiguration {
    /// The configuration as Twilio shows it, indented.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads a configuration typed as JSON; a mistake is named by line and column.
    pub fn from_json(text: &str) -> Result<WorkflowConfiguration, ConfigurationJsonError> {
        serde_json::from_str(text).map_err(|e| {
            let message = e.to_string();
            // serde_json appends " at line L column C"; the position is given apart.
            let message = message
                .rsplit_once(" at line ")
                .map_or(message.clone(), |(m, _)| m.to_owned());
            ConfigurationJsonError {
                line: e.line(),
                column: e.column(),
                message,
            }
        })
    }

    /// The queue each step of filter `filter` routes to, after inheritance (a step without
    /// a queue keeps the previous one's).
    pub fn step_queues(&self, filter: usize) -> Vec<Option<TaskQueueSid>> {
        let mut current = None;
        self.filters
            .get(filter)
            .map(|f| {
                f.targets
                    .iter()
                    .map(|t| {
                        if t.queue.is_some() {
                            current = t.queue;
                        }
                        current
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Whether the configuration routes to `queue` anywhere (a step or the default).
    pub fn routes_to(&self, queue: &TaskQueueSid) -> bool {
        self.default_queue.as_ref() == Some(queue)
            || self
                .filters
                .iter()
                .flat_map(|f| &f.targets)
                .any(|t| t.queue.as_ref() == Some(queue))
    }
}
