<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
</context>
</TS>
