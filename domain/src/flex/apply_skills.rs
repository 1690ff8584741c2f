//! Commands on skills, from inside Flex: the catalogue (Flex admins, on the admin dashboard's
//! Skills page) and an agent's skills and levels (admins and supervisors, in Teams). The
//! acting worker's Flex roles decide, as for every change made inside Flex; a read-only
//! admin sees everything and changes nothing.

use crate::apply::{Checked, Ctx, change};
use crate::console::Console;
use crate::error::DomainError;
use crate::event::EventKind;
use crate::flex::instance::FlexInstance;
use crate::flex::skills::{MAX_SKILLS, Skill, skill_problem};
use crate::flex::view::{FlexChange, may_change};
use crate::flex::worker::Worker;
use crate::resources::ResourceKind;
use crate::sid::{AccountSid, WorkerSid};
use crate::taskrouter::error::{TaskRouterError, list_names};
use crate::taskrouter::stats::MAX_SERVICE_LEVEL_THRESHOLD;
use crate::words::thousands;
use std::collections::BTreeMap;

/// How many agents a refusal names before "and N others".
const NAMES_SHOWN: usize = 3;

impl Console {
    /// The Flex instance, after checking the acting worker may make `what`.
    fn skills_actor(
        &self,
        ctx: &Ctx,
        account: &AccountSid,
        what: FlexChange,
    ) -> Result<&FlexInstance, DomainError> {
        let (flex, me) = self.flex_actor(ctx, account)?;
        may_change(&me.flex_roles, what).map_err(DomainError::FlexRole)?;
        Ok(flex)
    }

    pub(crate) fn create_skill<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        skill: &'c Skill,
    ) -> Checked<'c> {
        let flex = self.skills_actor(ctx, account, FlexChange::Skills)?;
        let catalogue = &flex.config.taskrouter_skills;
        if catalogue.len() >= MAX_SKILLS {
            return Err(TaskRouterError::TooMany {
                what: "skills",
                max: MAX_SKILLS,
            }
            .into());
        }
        let skill = defined(skill)?;
        if catalogue
            .iter()
            .any(|s| s.name.eq_ignore_ascii_case(&skill.name))
        {
            return Err(TaskRouterError::NameTaken {
                what: "skill",
                name: skill.name,
            }
            .into());
        }
        change(move |c, _| {
            let name = skill.name.clone();
            if let Some(flex) = flex_mut(c, account) {
                flex.config.taskrouter_skills.push(skill);
            }
            (Some(*account), EventKind::SkillCreated { name })
        })
    }

    /// A skill's levels may change; an agent holding a level outside the new range must be
    /// changed first, so no agent is left with a level the catalogue refuses.
    pub(crate) fn update_skill<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        skill: &'c Skill,
    ) -> Checked<'c> {
        let flex = self.skills_actor(ctx, account, FlexChange::Skills)?;
        let skill = defined(skill)?;
        find_skill(flex, &skill.name)?;
        let outside: Vec<&Worker> = flex
            .workspace
            .workers
            .values()
            .filter(|w| {
                w.routing.levels.get(&skill.name).is_some_and(|level| {
                    skill
                        .levels()
                        .is_none_or(|(min, max)| *level < min || *level > max)
                })
            })
            .collect();
        if !outside.is_empty() {
            let range = skill.levels().map_or("no levels".to_owned(), |(min, max)| {
                format!("levels {min} to {max}")
            });
            return Err(TaskRouterError::InUse {
                subject: format!("The skill {}", skill.name),
                reason: format!("is held by {} at a level outside {range}", agents(&outside)),
                remedy: "Change their levels in Teams first.".to_owned(),
            }
            .into());
        }
        change(move |c, _| {
            let name = skill.name.clone();
            if let Some(s) = flex_mut(c, account).and_then(|f| {
                f.config
                    .taskrouter_skills
                    .iter_mut()
                    .find(|s| s.name == skill.name)
            }) {
                *s = skill;
            }
            (Some(*account), EventKind::SkillUpdated { name })
        })
    }

    /// A skill leaves the catalogue only when no agent holds it; the refusal names them.
    pub(crate) fn delete_skill<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        name: &'c str,
    ) -> Checked<'c> {
        let flex = self.skills_actor(ctx, account, FlexChange::Skills)?;
        let skill = find_skill(flex, name)?;
        let holders = self.skill_holders(account, &skill.name);
        if !holders.is_empty() {
            return Err(TaskRouterError::InUse {
                subject: format!("The skill {}", skill.name),
                reason: format!("is held by {}", agents(&holders)),
                remedy: "Take it from them in Teams first.".to_owned(),
            }
            .into());
        }
        let name = skill.name.clone();
        change(move |c, _| {
            if let Some(flex) = flex_mut(c, account) {
                flex.config.taskrouter_skills.retain(|s| s.name != name);
            }
            (Some(*account), EventKind::SkillDeleted { name })
        })
    }

    /// An agent's skills: each from the catalogue, a level (within the skill's range) for
    /// each skill that has levels (its minimum when none is given), none for the others.
    pub(crate) fn set_agent_skills<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        worker: &'c WorkerSid,
        skills: &'c [String],
        levels: &'c BTreeMap<String, u32>,
        revision: u64,
    ) -> Checked<'c> {
        let flex = self.skills_actor(ctx, account, FlexChange::OtherAgents)?;
        let agent = flex
            .workspace
            .workers
            .get(worker)
            .ok_or_else(|| self.missing(account, ResourceKind::Worker, worker.as_str()))?;
        self.check_revision(&agent.revision, revision, "this agent's skills")?;
        let mut held: Vec<String> = Vec::new();
        let mut held_levels = BTreeMap::new();
        for name in skills {
            let skill = find_skill(flex, name)?;
            if held.contains(&skill.name) {
                continue;
            }
            held.push(skill.name.clone());
            if let Some((min, max)) = skill.levels() {
                let level = levels.get(&skill.name).copied().unwrap_or(min);
                if level < min || level > max {
                    return Err(TaskRouterError::Invalid {
                        field: format!("Level of {}", skill.name),
                        reason: format!("Choose a level from {min} to {max}."),
                    }
                    .into());
                }
                held_levels.insert(skill.name.clone(), level);
            }
        }
        if let Some(stray) = levels.keys().find(|k| !held_levels.contains_key(*k)) {
            return Err(TaskRouterError::Invalid {
                field: format!("Level of {stray}"),
                reason: format!("{stray} is not a skill with levels that the agent holds."),
            }
            .into());
        }
        change(move |c, ctx| {
            if let Some(w) = flex_mut(c, account).and_then(|f| f.workspace.workers.get_mut(worker))
            {
                w.routing.skills = held.clone();
                w.routing.levels = held_levels;
                w.revision = w.revision.next(ctx.actor, ctx.now);
            }
            c.worker_changed(account, worker, ctx.now);
            let kind = EventKind::AgentSkillsSet {
                worker: *worker,
                skills: held,
            };
            (Some(*account), kind)
        })
    }
}

impl Console {
    /// A queue's service level threshold, set by a Flex admin from queue stats: 1 second to
    /// an hour.
    pub(crate) fn set_service_level<'c>(
        &self,
        ctx: &Ctx,
        account: &'c AccountSid,
        queue: &'c crate::sid::TaskQueueSid,
        threshold: u32,
    ) -> Checked<'c> {
        let flex = self.skills_actor(ctx, account, FlexChange::ServiceLevels)?;
        let name = flex
            .workspace
            .queue(queue)
            .ok_or_else(|| TaskRouterError::Unknown {
                what: "task queue",
                id: queue.to_string(),
            })?
            .friendly_name
            .clone();
        if !(1..=MAX_SERVICE_LEVEL_THRESHOLD).contains(&threshold) {
            return Err(TaskRouterError::Invalid {
                field: "Service level threshold".to_owned(),
                reason: format!(
                    "Choose from 1 to {} seconds.",
                    thousands(u64::from(MAX_SERVICE_LEVEL_THRESHOLD))
                ),
            }
            .into());
        }
        change(move |c, _| {
            if let Some(q) = flex_mut(c, account)
                .and_then(|f| f.workspace.task_queues.iter_mut().find(|q| &q.sid == queue))
            {
                q.sla_threshold = threshold;
            }
            let kind = EventKind::ServiceLevelSet {
                queue: name,
                threshold,
            };
            (Some(*account), kind)
        })
    }
}

/// A skill as typed, trimmed, or why it is refused.
fn defined(skill: &Skill) -> Result<Skill, DomainError> {
    if let Some(problem) = skill_problem(skill) {
        return Err(TaskRouterError::Invalid {
            field: "Skill".to_owned(),
            reason: problem,
        }
        .into());
    }
    let mut skill = skill.clone();
    skill.name = skill.name.trim().to_owned();
    if !skill.multivalue {
        skill.minimum = None;
        skill.maximum = None;
    }
    Ok(skill)
}

fn find_skill<'a>(flex: &'a FlexInstance, name: &str) -> Result<&'a Skill, DomainError> {
    flex.config
        .taskrouter_skills
        .iter()
        .find(|s| s.name == name)
        .ok_or_else(|| {
            TaskRouterError::Unknown {
                what: "skill",
                id: name.to_owned(),
            }
            .into()
        })
}

/// "Lucas Martin and Chloe Nguyen", "Lucas Martin, … and 3 others".
fn agents(workers: &[&Worker]) -> String {
    let mut names: Vec<String> = workers.iter().map(|w| w.full_name.clone()).collect();
    names.sort();
    let total = names.len();
    names.truncate(NAMES_SHOWN);
    list_names(&names, total)
}

fn flex_mut<'a>(c: &'a mut Console, account: &AccountSid) -> Option<&'a mut FlexInstance> {
    c.account_mut(account)?.flex.as_mut()
}
