<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AppPreferences</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppSetup</name>
    <message>
        <source>Messages not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentChips</name>
    <message>
        <source>Attached files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentStore</name>
    <message>
        <source>This is not a file of the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to download files.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentUploader</name>
    <message>
        <source>“%1” is no longer on this computer, so the message cannot be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server does not take files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentView</name>
    <message>
        <source>Image %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the picture in a larger view</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatConnection</name>
    <message>
        <source>No server address set.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatPane</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation type="unfinished">
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pinned message(s)</source>
        <translation>
            <numerusform>%n pinned message</numerusform>
            <numerusform>%n pinned messages</numerusform>
        </translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join this room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave this room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unresolved threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only unresolved threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search messages (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The original message is not loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the start of the conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No unresolved threads among the loaded messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No messages yet. Say hello!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No messages in this room yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to StudyConnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a room or a person on the left, or press Ctrl+K.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↓ Latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to latest message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a room or a conversation to start writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join the room to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations (Ctrl+Shift+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search messages…  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the list of conversations with ☰ (Ctrl+Shift+D), or press Ctrl+K.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>↓ %n new</source>
        <translation type="unfinished">
            <numerusform>↓ %n new</numerusform>
            <numerusform>↓ %n new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Jump to latest message, %n new</source>
        <translation type="unfinished">
            <numerusform>Jump to latest message, %n new</numerusform>
            <numerusform>Jump to latest message, %n new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show the %n member(s)</source>
        <translation type="unfinished">
            <numerusform>Show the %n member</numerusform>
            <numerusform>Show the %n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation type="obsolete">
            <numerusform>%n new message</numerusform>
            <numerusform>%n new messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new messages, the last from %1: %2</source>
        <translation type="obsolete">
            <numerusform>%n new message, the last from %1: %2</numerusform>
            <numerusform>%n new messages, the last from %1: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CodeBlockView</name>
    <message>
        <source>Code block, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the code to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Write a message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a room or a conversation to start writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc to cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send message</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) left</source>
        <translation type="unfinished">
            <numerusform>%n character left</numerusform>
            <numerusform>%n characters left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) too long: a message has at most %1 characters.</source>
        <translation type="unfinished">
            <numerusform>%n character too long: a message has at most %1 characters.</numerusform>
            <numerusform>%n characters too long: a message has at most %1 characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line, Ctrl+Tab inserts a tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to preview yet: Markdown (**bold**, `code`, ```code blocks```) and $math$ are shown here as they will look.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the message formatted above the field. Shortcut: Control+Shift+P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview the formatted message (Ctrl+Shift+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach files (Ctrl+Shift+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach files or pictures (Ctrl+Shift+A); you can also drop them here or paste a picture</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message numerus="yes">
        <source>Reconnecting in %n s (attempt %1)</source>
        <translation>
            <numerusform>Reconnecting in %n s (attempt %1)</numerusform>
            <numerusform>Reconnecting in %n s (attempt %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offline: %n message(s) will be sent when you are back</source>
        <translation>
            <numerusform>Offline: %n message will be sent when you are back</numerusform>
            <numerusform>Offline: %n messages will be sent when you are back</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected through a proxy without WebSocket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Using long-polling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting… (attempt %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: messages will be sent when you are back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebSocket is blocked on this network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry connecting now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conversation</name>
    <message>
        <source>User %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server does not take files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join the room to send files here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only files on this computer can be attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A message can carry at most %n file(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is attached already.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationManager</name>
    <message numerus="yes">
        <source>%n message(s) will be sent when you next open StudyConnect.</source>
        <translation>
            <numerusform>%n message will be sent when you next open StudyConnect.</numerusform>
            <numerusform>%n messages will be sent when you next open StudyConnect.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) could not be sent and are lost.</source>
        <translation>
            <numerusform>%n message could not be sent and is lost.</numerusform>
            <numerusform>%n messages could not be sent and are lost.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Signed out. The messages kept on this computer for this account were deleted, with %n unsent message(s).</source>
        <translation>
            <numerusform>Signed out. The messages kept on this computer for this account were deleted, with %n unsent message.</numerusform>
            <numerusform>Signed out. The messages kept on this computer for this account were deleted, with %n unsent messages.</numerusform>
        </translation>
    </message>
    <message>
        <source>Room %1 cannot be joined: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A room id is a whole number, like 3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are offline. Try again once StudyConnect is connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>room · not joined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>direct message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out. The messages kept on this computer for this account were deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out, but the messages kept on this computer could not be deleted (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>📎 %n file(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EmojiPicker</name>
    <message>
        <source>Pick a reaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>React with %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>The file could not be downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder on this computer to save “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No application on this computer opened “%1”. Save it and open it from the file manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasted picture %1.png</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pasted picture could not be kept for sending.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileActionsNotice</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileCard</name>
    <message>
        <source>Image %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · downloading %2%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileDropArea</name>
    <message>
        <source>Drop files here to attach them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>Picture %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1 in another application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This picture cannot be shown. Save it or open it in another application.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JoinRoomDialog</name>
    <message>
        <source>Join a room by id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the room&apos;s owner for its number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room id, e.g. 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room id</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>(%1) StudyConnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>StudyConnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in from a link?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use this sign-in link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sign-in link asks StudyConnect to sign in on the server %1. Only continue if you just signed in on your school&apos;s website and trust this server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainView</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation type="vanished">
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message>
        <source>That message cannot be shown any more: it may have been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server keeps no history and no room list for StudyConnect: you see the messages sent while you are connected, and join rooms by their number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages cannot be kept on this computer: %1. StudyConnect still works; nothing is kept after you quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No web browser could open %1. Copy the link from the message instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MembersPopup</name>
    <message>
        <source>Members of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the members…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MentionPopup</name>
    <message>
        <source>People to mention</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <source>React</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply in thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More actions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageAttachments</name>
    <message>
        <source>Uploading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading… %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the upload and discard this message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageByIdDialog</name>
    <message>
        <source>Message a person by id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A user id is a whole number, like 12.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is your own id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their user id is the number your school&apos;s system gives them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User id, e.g. 12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User id</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message numerus="yes">
        <source>%n replies</source>
        <translation>
            <numerusform>%n reply</numerusform>
            <numerusform>%n replies</numerusform>
        </translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replying to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry sending this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageListModel</name>
    <message>
        <source>%1 joined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This message was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageMenu</name>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply in thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>React…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark thread resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete message?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message will be removed for everyone. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message by another user will be removed for everyone. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkSettings</name>
    <message>
        <source>Enter the proxy&apos;s host name or address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy host is a name or an address only, without a scheme or a user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy port is a number from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkSettingsDialog</name>
    <message>
        <source>Network settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected over long-polling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected over WebSocket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test these settings: reconnect without saving them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save these settings and reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (WebSocket, else long-polling)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebSocket only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long-polling only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long-polling works through proxies and firewalls that block WebSocket, at some cost in speed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SOCKS5 proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proxy.school.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: leave empty to keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available: the proxy password is kept until StudyConnect quits.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewMessageAnnouncer</name>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation type="unfinished">
            <numerusform>%n new message</numerusform>
            <numerusform>%n new messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new messages, the last from %1: %2</source>
        <translation type="unfinished">
            <numerusform>%n new message, the last from %1: %2</numerusform>
            <numerusform>%n new messages, the last from %1: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>The server refused the message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files cannot be sent from here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not say where it keeps the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinsPopup</name>
    <message>
        <source>Pinned messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is pinned here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PresenceModel</name>
    <message>
        <source>User %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <source>Jump to a room or person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to a room or person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReactionsRow</name>
    <message>
        <source>%1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a reaction</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReplyQuote</name>
    <message>
        <source>Reply to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the original message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaveFileDialog</name>
    <message>
        <source>Save “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message>
        <source>You are offline: only the messages kept on this computer were searched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not search (%1): only the messages kept on this computer were searched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server cannot search: only the messages kept on this computer were searched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing can be searched: you are offline and no messages are kept on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search messages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No messages match “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SenderDirectory</name>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Your session has expired. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available, so your sign-in is kept only until StudyConnect quits. You will need to sign in again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address is not a valid URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your email address and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong email address or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server does not offer sign-in with a password. Choose &quot;Token&quot; and paste the token your school&apos;s sign-in gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the token you were given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a token. A token is three parts separated by dots, like eyJhbGciOi….eyJpZCI6….SflKxw…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This token does not say which account it belongs to (it has no id).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This token expired on %1. Get a new one and sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server does not know the account in that token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token has expired. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server did not issue that token: its signature does not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot read that token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server received no token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token is not signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token is not valid yet. Check your computer&apos;s clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the sign-in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored session is not valid. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a token this app cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server no longer accepts this session: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tomorrow %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a notification for new messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notifications until %1, mentions included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages in the conversation you are reading are not notified while the window is in front.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New messages are counted in the sidebar and the title, without notifications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Muted conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A muted conversation only notifies you when you are mentioned. Mute one from its menu in the sidebar (right-click it, or press the Menu key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmute %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting and closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start StudyConnect when I log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep running in the background when the window is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system tray found: closing the window quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing the window keeps StudyConnect connected in the system tray, with the unread count; quit from the tray icon&apos;s menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing the window quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages on this computer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages on this computer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>User %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to…  (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search messages…  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join a room by id…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message a person by id…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages on this computer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to a room or person (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ Join by id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>joined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not joined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rooms yet. Join one by its id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ By id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conversations yet. Pick someone below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People · %1 online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens a direct conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join a room by its id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message a person by their id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…  (Ctrl+,)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SidebarItem</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mention(s)</source>
        <translation>
            <numerusform>%n mention</numerusform>
            <numerusform>%n mentions</numerusform>
        </translation>
    </message>
    <message>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>muted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmute notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute notifications</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInLink</name>
    <message>
        <source>This link is not a StudyConnect sign-in link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in link does not name a server this app can use (http or https).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Enter the server address, for example http://localhost:5000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your email address and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>StudyConnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to chat with your study groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with email and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with a token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you@school.edu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste your token (eyJ…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token your school&apos;s sign-in gave you. It is kept in the keychain like a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with this token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network settings: transport and proxy (Ctrl+,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to StudyConnect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StorageSettingsDialog</name>
    <message>
        <source>Messages on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep all messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the newest %1 per conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages kept per conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept messages can be read and searched offline. Older ones are deleted from this computer only: they stay on the server and load again when you scroll up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages cannot be kept on this computer: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThreadPanel</name>
    <message numerus="yes">
        <source>%n replies</source>
        <translation>
            <numerusform>%n reply</numerusform>
            <numerusform>%n replies</numerusform>
        </translation>
    </message>
    <message>
        <source>Thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the thread (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 asked: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen the thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the thread resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No replies yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply in thread…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThreadSummary</name>
    <message numerus="yes">
        <source>%n replies</source>
        <translation>
            <numerusform>%n reply</numerusform>
            <numerusform>%n replies</numerusform>
        </translation>
    </message>
    <message>
        <source>last %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the thread</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Open StudyConnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit StudyConnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>StudyConnect: %n unread</source>
        <translation>
            <numerusform>StudyConnect: %n unread</numerusform>
            <numerusform>StudyConnect: %n unread</numerusform>
        </translation>
    </message>
    <message>
        <source>StudyConnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>%n unread message</numerusform>
            <numerusform>%n unread messages</numerusform>
        </translation>
    </message>
    <message>
        <source>No unread messages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnreadWatcher</name>
    <message>
        <source>%1: you were mentioned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 mentioned you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 mentioned you in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <comment>sender in room</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The StudyConnect server (default: the last one used, else http://localhost:5000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>StudyConnect Desktop: chat with your study groups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A studyconnect://signin link (the app asks before using it).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
