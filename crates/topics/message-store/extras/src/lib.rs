//! The message-store topic's extras module (see `techshack_core::extras`).

techshack_core::export_extras!(topic_message_store::MessageStorePanel);
