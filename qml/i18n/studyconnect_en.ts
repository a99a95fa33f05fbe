<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ConnectionBanner</name>
    <message numerus="yes">
        <location filename="../ConnectionBanner.qml" line="29"/>
        <source>Reconnecting in %n s (attempt %1)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ConnectionBanner.qml" line="37"/>
        <source>Offline: %n message(s) will be sent when you are back</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainView</name>
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
    <name>SidebarItem</name>
    <message numerus="yes">
        <location filename="../SidebarItem.qml" line="29"/>
        <source>%n unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
