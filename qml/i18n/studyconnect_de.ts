<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ChatPane</name>
    <message>
        <location filename="../ChatPane.qml" line="93"/>
        <source>Join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChatPane.qml" line="95"/>
        <source>Join this room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChatPane.qml" line="101"/>
        <source>Leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChatPane.qml" line="103"/>
        <source>Leave this room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChatPane.qml" line="142"/>
        <source>Messages in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChatPane.qml" line="179"/>
        <source>This is the start of the conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChatPane.qml" line="192"/>
        <source>No messages yet. Say hello!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChatPane.qml" line="192"/>
        <source>No messages in this room yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChatPane.qml" line="204"/>
        <source>Welcome to StudyConnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChatPane.qml" line="212"/>
        <source>Pick a room or a person on the left, or press Ctrl+K.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChatPane.qml" line="225"/>
        <source>↓ Latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChatPane.qml" line="227"/>
        <source>Jump to latest message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChatPane.qml" line="252"/>
        <source>Open a room or a conversation to start writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChatPane.qml" line="253"/>
        <source>Join the room to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChatPane.qml" line="254"/>
        <source>Message %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ChatPane.qml" line="254"/>
        <source>Message #%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../Composer.qml" line="12"/>
        <source>Write a message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Composer.qml" line="13"/>
        <source>Open a room or a conversation to start writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Composer.qml" line="69"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Composer.qml" line="70"/>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Composer.qml" line="98"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Composer.qml" line="102"/>
        <source>Send message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Composer.qml" line="113"/>
        <source>%1 characters left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <location filename="../ConnectionBanner.qml" line="25"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ConnectionBanner.qml" line="27"/>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ConnectionBanner.qml" line="29"/>
        <source>Reconnecting in %n s (attempt %1)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ConnectionBanner.qml" line="31"/>
        <source>Reconnecting… (attempt %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ConnectionBanner.qml" line="33"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ConnectionBanner.qml" line="37"/>
        <source>Offline: %n message(s) will be sent when you are back</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ConnectionBanner.qml" line="38"/>
        <source>Offline: messages will be sent when you are back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ConnectionBanner.qml" line="78"/>
        <source>Retry now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ConnectionBanner.qml" line="80"/>
        <source>Retry connecting now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JoinRoomDialog</name>
    <message>
        <location filename="../JoinRoomDialog.qml" line="12"/>
        <source>Join a room by id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../JoinRoomDialog.qml" line="35"/>
        <source>Ask the room&apos;s owner for its number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../JoinRoomDialog.qml" line="43"/>
        <source>Room id, e.g. 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../JoinRoomDialog.qml" line="45"/>
        <source>Room id</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../Main.qml" line="20"/>
        <source>(%1) StudyConnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Main.qml" line="20"/>
        <source>StudyConnect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainView</name>
    <message>
        <location filename="../MainView.qml" line="99"/>
        <source>room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MainView.qml" line="99"/>
        <source>room · not joined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MainView.qml" line="107"/>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MainView.qml" line="107"/>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MainView.qml" line="113"/>
        <source>direct message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MainView.qml" line="221"/>
        <source>User %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MainView.qml" line="224"/>
        <source>Room %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MainView.qml" line="232"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MainView.qml" line="232"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../MainView.qml" line="237"/>
        <source>%n member(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <location filename="../MessageDelegate.qml" line="45"/>
        <source>sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MessageDelegate.qml" line="47"/>
        <source>not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MessageDelegate.qml" line="48"/>
        <source>%1 at %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MessageDelegate.qml" line="59"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MessageDelegate.qml" line="61"/>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MessageDelegate.qml" line="201"/>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MessageDelegate.qml" line="215"/>
        <source>Not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MessageDelegate.qml" line="215"/>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MessageDelegate.qml" line="223"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MessageDelegate.qml" line="225"/>
        <source>Retry sending this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MessageDelegate.qml" line="230"/>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../MessageDelegate.qml" line="232"/>
        <source>Discard this message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../../src/desktop/notifier.cpp" line="110"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <location filename="../QuickSwitcher.qml" line="62"/>
        <source>Jump to a room or person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../QuickSwitcher.qml" line="63"/>
        <source>Jump to a room or person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../QuickSwitcher.qml" line="82"/>
        <source>Matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../QuickSwitcher.qml" line="121"/>
        <source>Nothing matches “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../Sidebar.qml" line="60"/>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Sidebar.qml" line="79"/>
        <source>Account menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Sidebar.qml" line="85"/>
        <source>Jump to…  (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Sidebar.qml" line="89"/>
        <source>Join a room by id…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Sidebar.qml" line="95"/>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Sidebar.qml" line="110"/>
        <location filename="../Sidebar.qml" line="115"/>
        <source>Jump to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Sidebar.qml" line="111"/>
        <source>Jump to a room or person (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Sidebar.qml" line="120"/>
        <source>Ctrl+K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Sidebar.qml" line="144"/>
        <source>Rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Sidebar.qml" line="145"/>
        <source>+ Join by id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Sidebar.qml" line="161"/>
        <source>joined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Sidebar.qml" line="161"/>
        <source>not joined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Sidebar.qml" line="169"/>
        <source>No rooms yet. Join one by its id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Sidebar.qml" line="176"/>
        <source>Direct messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Sidebar.qml" line="200"/>
        <source>No conversations yet. Pick someone below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Sidebar.qml" line="208"/>
        <source>People · %1 online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Sidebar.qml" line="208"/>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../Sidebar.qml" line="225"/>
        <source>Opens a direct conversation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SidebarItem</name>
    <message numerus="yes">
        <location filename="../SidebarItem.qml" line="29"/>
        <source>%n unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../SidebarItem.qml" line="30"/>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SidebarItem.qml" line="30"/>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../SignInPage.qml" line="21"/>
        <source>Enter the server address, for example http://localhost:5000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SignInPage.qml" line="26"/>
        <source>Enter your email address and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SignInPage.qml" line="66"/>
        <source>StudyConnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SignInPage.qml" line="73"/>
        <source>Sign in to chat with your study groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SignInPage.qml" line="79"/>
        <location filename="../SignInPage.qml" line="88"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SignInPage.qml" line="85"/>
        <source>you@school.edu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SignInPage.qml" line="93"/>
        <location filename="../SignInPage.qml" line="100"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SignInPage.qml" line="107"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SignInPage.qml" line="116"/>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SignInPage.qml" line="166"/>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SignInPage.qml" line="166"/>
        <location filename="../SignInPage.qml" line="167"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../SignInPage.qml" line="190"/>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TypingTracker</name>
    <message>
        <location filename="../../src/desktop/typing.cpp" line="90"/>
        <source>Someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/desktop/typing.cpp" line="104"/>
        <source>%1 is typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/desktop/typing.cpp" line="106"/>
        <source>%1 and %2 are typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/desktop/typing.cpp" line="107"/>
        <source>Several people are typing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
