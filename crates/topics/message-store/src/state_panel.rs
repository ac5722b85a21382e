//! The panel as the frame and the registry see it: its title and article,
//! its tours, its view, its link and its story. A child of `state`, so it
//! sees the private cell.

use super::*;

impl TopicInfo for MessageStorePanel {
    const ID: &'static str = "message-store";
    const TITLE: &'static str = "Message-store playground";
    const SUMMARY: &'static str = "How Discord stored billions of messages in Cassandra: Snowflake IDs, 10-day buckets, tombstones and the ring.";
    const ICON: &'static str = "💬";
    const ARTICLE: Article = Article {
        title: "How Discord Stores Billions of Messages (Discord blog, 2017)",
        url: "https://discord.com/blog/how-discord-stores-billions-of-messages",
    };
    const WORKSHOP: &'static [techshack_core::workshop::Block] = crate::workshop::BLOCKS;
}

impl PanelModel for MessageStorePanel {
    // 2: links are postcard, not JSON (v1 links get the older-version notice).
    const STATE_VERSION: u32 = 2;
    const TOUR_TITLES: &'static [(&'static str, &'static str)] = &[
        ("busy-vs-quiet", "A busy channel versus a quiet one"),
        ("null-tombstones", "The null-column tombstones"),
        ("edit-race", "Edit races delete"),
        (
            "one-live-message",
            "One live message after millions deleted",
        ),
        ("hot-partition", "Hot partition at QUORUM"),
        ("request-coalescing", "2023: request coalescing"),
        ("zombie", "Zombie messages"),
        ("your-turn", "Your turn: make the read warn, then skip"),
        (
            "id-to-bucket",
            "From a message ID to the buckets a read walks",
        ),
    ];

    type Snapshot = model::Snapshot;
    type Comic = crate::comic::Script;

    /// The opening scenario (`model::scenarios::opening`): a few messages
    /// in #playground across three buckets, two deleted, and a read, so the
    /// first screen and the comic have something to say. Reset returns here.
    fn initial() -> Self {
        let mut pg = Playground::new();
        // The tests load it; were it ever to fail, the panel opens empty.
        let _ = pg.apply(&Action::LoadScenario(model::scenarios::OPENING.into()));
        MessageStorePanel::new(pg)
    }

    fn snapshot(&self) -> model::Snapshot {
        // While a link is being restored, it is still that link.
        match &self.restoring {
            Some(r) => r.snapshot().clone(),
            None => self.pg().snapshot(),
        }
    }

    /// A link with generated messages comes back in steps: the view makes
    /// the messages in slices, so the page never freezes on a big link.
    fn restore(snapshot: model::Snapshot) -> Result<Self, String> {
        let (pg, restoring) = Playground::restore_in_steps(snapshot).map_err(|e| e.to_string())?;
        let mut m = MessageStorePanel::new(pg);
        m.restoring = restoring;
        Ok(m)
    }

    /// The model's tours start from an empty playground, and the panel's
    /// replays start from the opening scenario: so each tour's first step
    /// begins with a reset to the empty playground.
    fn tours() -> Vec<Tour<PanelAction>> {
        model::tours()
            .into_iter()
            .map(|t| {
                let mut t = t.map(|a| PanelAction::Model(a, Undo::Keep));
                if let Some(first) = t.steps.first_mut() {
                    first
                        .actions
                        .insert(0, PanelAction::Model(Action::Reset, Undo::Keep));
                }
                t
            })
            .collect()
    }

    fn comic_script(&self) -> crate::comic::Script {
        crate::comic::script(self)
    }

    fn draw_comic(script: &crate::comic::Script) -> String {
        crate::comic::draw(script)
    }

    fn zines() -> Vec<(&'static str, techshack_core::sketch::Zine)> {
        crate::zine::zines()
    }

    fn view(handle: PanelHandle<Self>) -> Html {
        html! { <MessageStoreView {handle} /> }
    }

    fn goal_holds(&self, goal: &str) -> Option<bool> {
        model::goals::goal_holds(&self.pg(), goal)
    }

    fn story_values(&self) -> Vec<(&'static str, f64)> {
        model::story::values(&self.pg())
    }

    fn story_set(&self, key: &str, value: f64) -> Option<PanelAction> {
        model::story::set(key, value).map(|a| PanelAction::Model(a, self.undo_for()))
    }
}
