<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AppPreferences</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot remove %1: %2</source>
        <translation>%1 kann nicht entfernt werden: %2</translation>
    </message>
</context>
<context>
    <name>AppSetup</name>
    <message>
        <source>Messages not sent yet</source>
        <translation>Noch nicht gesendete Nachrichten</translation>
    </message>
</context>
<context>
    <name>AttachmentChips</name>
    <message>
        <source>Attached files</source>
        <translation>Angehängte Dateien</translation>
    </message>
    <message>
        <source>Image %1, %2</source>
        <translation>Bild %1, %2</translation>
    </message>
    <message>
        <source>File %1, %2</source>
        <translation>Datei %1, %2</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
</context>
<context>
    <name>AttachmentStore</name>
    <message>
        <source>This is not a file of the server.</source>
        <translation>Das ist keine Datei des Servers.</translation>
    </message>
    <message>
        <source>Sign in to download files.</source>
        <translation>Melde dich an, um Dateien herunterzuladen.</translation>
    </message>
</context>
<context>
    <name>AttachmentUploader</name>
    <message>
        <source>“%1” is no longer on this computer, so the message cannot be sent.</source>
        <translation>„%1“ ist nicht mehr auf diesem Computer, daher kann die Nachricht nicht gesendet werden.</translation>
    </message>
    <message>
        <source>This server does not take files.</source>
        <translation>Dieser Server nimmt keine Dateien an.</translation>
    </message>
    <message>
        <source>The server refused “%1”.</source>
        <translation>Der Server hat „%1“ abgelehnt.</translation>
    </message>
</context>
<context>
    <name>AttachmentView</name>
    <message>
        <source>Image %1, %2</source>
        <translation>Bild %1, %2</translation>
    </message>
    <message>
        <source>Opens the picture in a larger view</source>
        <translation>Öffnet das Bild in einer größeren Ansicht</translation>
    </message>
</context>
<context>
    <name>ChatConnection</name>
    <message>
        <source>No server address set.</source>
        <translation>Keine Serveradresse angegeben.</translation>
    </message>
</context>
<context>
    <name>ChatPane</name>
    <message>
        <source>Join</source>
        <translation>Beitreten</translation>
    </message>
    <message>
        <source>Join this room</source>
        <translation>Diesem Raum beitreten</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Verlassen</translation>
    </message>
    <message>
        <source>Leave this room</source>
        <translation>Diesen Raum verlassen</translation>
    </message>
    <message>
        <source>Messages in %1</source>
        <translation>Nachrichten in %1</translation>
    </message>
    <message>
        <source>This is the start of the conversation.</source>
        <translation>Hier beginnt die Unterhaltung.</translation>
    </message>
    <message>
        <source>No messages yet. Say hello!</source>
        <translation>Noch keine Nachrichten. Sag Hallo!</translation>
    </message>
    <message>
        <source>No messages in this room yet.</source>
        <translation>In diesem Raum gibt es noch keine Nachrichten.</translation>
    </message>
    <message>
        <source>Welcome to StudyConnect</source>
        <translation>Willkommen bei StudyConnect</translation>
    </message>
    <message>
        <source>Pick a room or a person on the left, or press Ctrl+K.</source>
        <translation>Wähle links einen Raum oder eine Person, oder drücke Strg+K.</translation>
    </message>
    <message>
        <source>↓ Latest</source>
        <translation>↓ Neueste</translation>
    </message>
    <message>
        <source>Jump to latest message</source>
        <translation>Zur neuesten Nachricht springen</translation>
    </message>
    <message>
        <source>Open a room or a conversation to start writing</source>
        <translation>Öffne einen Raum oder eine Unterhaltung, um zu schreiben</translation>
    </message>
    <message>
        <source>Join the room to write</source>
        <translation>Tritt dem Raum bei, um zu schreiben</translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation>Nachricht an %1</translation>
    </message>
    <message>
        <source>Message #%1</source>
        <translation>Nachricht in #%1</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n Mitglied</numerusform>
            <numerusform>%n Mitglieder</numerusform>
        </translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>Beitreten…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Search messages (Ctrl+F)</source>
        <translation>Nachrichten durchsuchen (Strg+F)</translation>
    </message>
    <message numerus="yes">
        <source>%n pinned message(s)</source>
        <translation>
            <numerusform>%n angeheftete Nachricht</numerusform>
            <numerusform>%n angeheftete Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>Pinned messages</source>
        <translation>Angeheftete Nachrichten</translation>
    </message>
    <message>
        <source>Unresolved threads</source>
        <translation>Offene Threads</translation>
    </message>
    <message>
        <source>Show only unresolved threads</source>
        <translation>Nur offene Threads zeigen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>The original message is not loaded.</source>
        <translation>Die ursprüngliche Nachricht ist nicht geladen.</translation>
    </message>
    <message>
        <source>No unresolved threads among the loaded messages.</source>
        <translation>Unter den geladenen Nachrichten gibt es keine offenen Threads.</translation>
    </message>
    <message>
        <source>Conversations (Ctrl+Shift+D)</source>
        <translation>Unterhaltungen (Strg+Umschalt+D)</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Weitere Aktionen</translation>
    </message>
    <message>
        <source>Search messages…  (Ctrl+F)</source>
        <translation>Nachrichten durchsuchen…  (Strg+F)</translation>
    </message>
    <message>
        <source>Open the list of conversations with ☰ (Ctrl+Shift+D), or press Ctrl+K.</source>
        <translation>Öffne die Liste der Unterhaltungen mit ☰ (Strg+Umschalt+D), oder drücke Strg+K.</translation>
    </message>
    <message numerus="yes">
        <source>↓ %n new</source>
        <translation>
            <numerusform>↓ %n neue</numerusform>
            <numerusform>↓ %n neue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Jump to latest message, %n new</source>
        <translation>
            <numerusform>Zur neuesten Nachricht springen, %n neue</numerusform>
            <numerusform>Zur neuesten Nachricht springen, %n neue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show the %n member(s)</source>
        <translation>
            <numerusform>Das %n Mitglied zeigen</numerusform>
            <numerusform>Die %n Mitglieder zeigen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation type="vanished">
            <numerusform>%n neue Nachricht</numerusform>
            <numerusform>%n neue Nachrichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new messages, the last from %1: %2</source>
        <translation type="vanished">
            <numerusform>%n neue Nachricht, die letzte von %1: %2</numerusform>
            <numerusform>%n neue Nachrichten, die letzte von %1: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="vanished">%1: %2</translation>
    </message>
</context>
<context>
    <name>CodeBlockView</name>
    <message>
        <source>Code block, %1</source>
        <translation>Codeblock, %1</translation>
    </message>
    <message>
        <source>Code block</source>
        <translation>Codeblock</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <source>Copy the code to the clipboard</source>
        <translation>Den Code in die Zwischenablage kopieren</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Write a message…</source>
        <translation>Nachricht schreiben…</translation>
    </message>
    <message>
        <source>Open a room or a conversation to start writing</source>
        <translation>Öffne einen Raum oder eine Unterhaltung, um zu schreiben</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation type="vanished">Eingabe sendet, Umschalt+Eingabe beginnt eine neue Zeile</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>%1 characters left</source>
        <translation type="vanished">Noch %1 Zeichen</translation>
    </message>
    <message>
        <source>Editing message</source>
        <translation>Nachricht bearbeiten</translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation>Antwort an %1: %2</translation>
    </message>
    <message>
        <source>Esc to cancel</source>
        <translation>Esc bricht ab</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>Bearbeiten abbrechen</translation>
    </message>
    <message>
        <source>Cancel reply</source>
        <translation>Antwort abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) left</source>
        <translation>
            <numerusform>Noch %n Zeichen</numerusform>
            <numerusform>Noch %n Zeichen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) too long: a message has at most %1 characters.</source>
        <translation>
            <numerusform>%n Zeichen zu lang: Eine Nachricht hat höchstens %1 Zeichen.</numerusform>
            <numerusform>%n Zeichen zu lang: Eine Nachricht hat höchstens %1 Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line, Ctrl+Tab inserts a tab</source>
        <translation>Eingabe sendet, Umschalt+Eingabe beginnt eine neue Zeile, Strg+Tab fügt einen Tabulator ein</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Nothing to preview yet: Markdown (**bold**, `code`, ```code blocks```) and $math$ are shown here as they will look.</source>
        <translation>Noch nichts in der Vorschau: Markdown (**fett**, `Code`, ```Codeblöcke```) und $Mathematik$ erscheinen hier so, wie sie aussehen werden.</translation>
    </message>
    <message>
        <source>Hide preview</source>
        <translation>Vorschau ausblenden</translation>
    </message>
    <message>
        <source>Show preview</source>
        <translation>Vorschau anzeigen</translation>
    </message>
    <message>
        <source>Shows the message formatted above the field. Shortcut: Control+Shift+P</source>
        <translation>Zeigt die Nachricht formatiert über dem Feld. Tastenkürzel: Strg+Umschalt+P</translation>
    </message>
    <message>
        <source>Preview the formatted message (Ctrl+Shift+P)</source>
        <translation>Formatierte Nachricht ansehen (Strg+Umschalt+P)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>Attach files (Ctrl+Shift+A)</source>
        <translation>Dateien anhängen (Strg+Umschalt+A)</translation>
    </message>
    <message>
        <source>Attach files or pictures (Ctrl+Shift+A); you can also drop them here or paste a picture</source>
        <translation>Dateien oder Bilder anhängen (Strg+Umschalt+A); du kannst sie auch hierher ziehen oder ein Bild einfügen</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Connecting…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Neu verbinden…</translation>
    </message>
    <message numerus="yes">
        <source>Reconnecting in %n s (attempt %1)</source>
        <translation>
            <numerusform>Neue Verbindung in %n s (Versuch %1)</numerusform>
            <numerusform>Neue Verbindung in %n s (Versuch %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Reconnecting… (attempt %1)</source>
        <translation>Neu verbinden… (Versuch %1)</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message numerus="yes">
        <source>Offline: %n message(s) will be sent when you are back</source>
        <translation>
            <numerusform>Offline: %n Nachricht wird gesendet, sobald du wieder online bist</numerusform>
            <numerusform>Offline: %n Nachrichten werden gesendet, sobald du wieder online bist</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline: messages will be sent when you are back</source>
        <translation>Offline: Nachrichten werden gesendet, sobald du wieder online bist</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Retry connecting now</source>
        <translation>Jetzt erneut verbinden</translation>
    </message>
    <message>
        <source>Connected through a proxy without WebSocket</source>
        <translation>Über einen Proxy ohne WebSocket verbunden</translation>
    </message>
    <message>
        <source>Using long-polling</source>
        <translation>Long-Polling aktiv</translation>
    </message>
    <message>
        <source>WebSocket is blocked on this network</source>
        <translation>WebSocket wird in diesem Netzwerk blockiert</translation>
    </message>
</context>
<context>
    <name>Conversation</name>
    <message>
        <source>User %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>Room %1</source>
        <translation>Raum %1</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Jemand</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 schreibt…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 und %2 schreiben…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>Mehrere Leute schreiben…</translation>
    </message>
    <message>
        <source>This server does not take files.</source>
        <translation>Dieser Server nimmt keine Dateien an.</translation>
    </message>
    <message>
        <source>Join the room to send files here.</source>
        <translation>Tritt dem Raum bei, um hier Dateien zu senden.</translation>
    </message>
    <message>
        <source>Only files on this computer can be attached.</source>
        <translation>Nur Dateien auf diesem Computer können angehängt werden.</translation>
    </message>
    <message numerus="yes">
        <source>A message can carry at most %n file(s).</source>
        <translation>
            <numerusform>Eine Nachricht kann höchstens %n Datei enthalten.</numerusform>
            <numerusform>Eine Nachricht kann höchstens %n Dateien enthalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is attached already.</source>
        <translation>„%1“ ist bereits angehängt.</translation>
    </message>
</context>
<context>
    <name>ConversationManager</name>
    <message>
        <source>Room %1 cannot be joined: %2</source>
        <translation>Raum %1 kann nicht betreten werden: %2</translation>
    </message>
    <message>
        <source>A room id is a whole number, like 3.</source>
        <translation>Eine Raumnummer ist eine ganze Zahl, z. B. 3.</translation>
    </message>
    <message>
        <source>You are offline. Try again once StudyConnect is connected.</source>
        <translation>Du bist offline. Versuche es noch einmal, sobald StudyConnect verbunden ist.</translation>
    </message>
    <message>
        <source>room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>room · not joined</source>
        <translation>Raum · nicht beigetreten</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>direct message</source>
        <translation>Direktnachricht</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) will be sent when you next open StudyConnect.</source>
        <translation>
            <numerusform>%n Nachricht wird gesendet, wenn du StudyConnect das nächste Mal öffnest.</numerusform>
            <numerusform>%n Nachrichten werden gesendet, wenn du StudyConnect das nächste Mal öffnest.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) could not be sent and are lost.</source>
        <translation>
            <numerusform>%n Nachricht konnte nicht gesendet werden und geht verloren.</numerusform>
            <numerusform>%n Nachrichten konnten nicht gesendet werden und gehen verloren.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Signed out. The messages kept on this computer for this account were deleted, with %n unsent message(s).</source>
        <translation>
            <numerusform>Abgemeldet. Die auf diesem Computer aufbewahrten Nachrichten dieses Kontos wurden gelöscht, samt %n nicht gesendeter Nachricht.</numerusform>
            <numerusform>Abgemeldet. Die auf diesem Computer aufbewahrten Nachrichten dieses Kontos wurden gelöscht, samt %n nicht gesendeter Nachrichten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed out. The messages kept on this computer for this account were deleted.</source>
        <translation>Abgemeldet. Die auf diesem Computer aufbewahrten Nachrichten dieses Kontos wurden gelöscht.</translation>
    </message>
    <message>
        <source>Signed out, but the messages kept on this computer could not be deleted (%1).</source>
        <translation>Abgemeldet, aber die auf diesem Computer aufbewahrten Nachrichten konnten nicht gelöscht werden (%1).</translation>
    </message>
    <message numerus="yes">
        <source>📎 %n file(s)</source>
        <translation>
            <numerusform>📎 %n Datei</numerusform>
            <numerusform>📎 %n Dateien</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EmojiPicker</name>
    <message>
        <source>Pick a reaction</source>
        <translation>Reaktion wählen</translation>
    </message>
    <message>
        <source>React with %1</source>
        <translation>Mit %1 reagieren</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>The file could not be downloaded.</source>
        <translation>Die Datei konnte nicht heruntergeladen werden.</translation>
    </message>
    <message>
        <source>Choose a folder on this computer to save “%1”.</source>
        <translation>Wähle einen Ordner auf diesem Computer, um „%1“ zu speichern.</translation>
    </message>
    <message>
        <source>“%1” could not be replaced.</source>
        <translation>„%1“ konnte nicht ersetzt werden.</translation>
    </message>
    <message>
        <source>“%1” could not be saved: %2</source>
        <translation>„%1“ konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>“%1” could not be opened.</source>
        <translation>„%1“ konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>No application on this computer opened “%1”. Save it and open it from the file manager.</source>
        <translation>Keine Anwendung auf diesem Computer hat „%1“ geöffnet. Speichere die Datei und öffne sie im Dateimanager.</translation>
    </message>
    <message>
        <source>Pasted picture %1.png</source>
        <translation>Eingefügtes Bild %1.png</translation>
    </message>
    <message>
        <source>The pasted picture could not be kept for sending.</source>
        <translation>Das eingefügte Bild konnte nicht zum Senden gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>FileActionsNotice</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>FileCard</name>
    <message>
        <source>Image %1, %2</source>
        <translation>Bild %1, %2</translation>
    </message>
    <message>
        <source>File %1, %2</source>
        <translation>Datei %1, %2</translation>
    </message>
    <message>
        <source>%1 · downloading %2%</source>
        <translation>%1 · wird heruntergeladen: %2 %</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>%1 speichern</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
</context>
<context>
    <name>FileDropArea</name>
    <message>
        <source>Drop files here to attach them</source>
        <translation>Dateien hier ablegen, um sie anzuhängen</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>Picture %1</source>
        <translation>Bild %1</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>%1 speichern</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Open %1 in another application</source>
        <translation>%1 in einer anderen Anwendung öffnen</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>This picture cannot be shown. Save it or open it in another application.</source>
        <translation>Dieses Bild kann nicht angezeigt werden. Speichere es oder öffne es in einer anderen Anwendung.</translation>
    </message>
</context>
<context>
    <name>JoinRoomDialog</name>
    <message>
        <source>Join a room by id</source>
        <translation>Raum über seine Nummer beitreten</translation>
    </message>
    <message>
        <source>Ask the room&apos;s owner for its number.</source>
        <translation>Frag die Person, die den Raum betreut, nach seiner Nummer.</translation>
    </message>
    <message>
        <source>Room id, e.g. 3</source>
        <translation>Raumnummer, z. B. 3</translation>
    </message>
    <message>
        <source>Room id</source>
        <translation>Raumnummer</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>Beitreten…</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Beitreten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>(%1) StudyConnect</source>
        <translation>(%1) StudyConnect</translation>
    </message>
    <message>
        <source>StudyConnect</source>
        <translation>StudyConnect</translation>
    </message>
    <message>
        <source>Sign in from a link?</source>
        <translation>Über einen Link anmelden?</translation>
    </message>
    <message>
        <source>Cannot use this sign-in link</source>
        <translation>Dieser Anmeldelink kann nicht verwendet werden</translation>
    </message>
    <message>
        <source>A sign-in link asks StudyConnect to sign in on the server %1. Only continue if you just signed in on your school&apos;s website and trust this server.</source>
        <translation>Ein Anmeldelink möchte StudyConnect beim Server %1 anmelden. Fahre nur fort, wenn du dich gerade auf der Website deiner Schule angemeldet hast und diesem Server vertraust.</translation>
    </message>
    <message>
        <source>Sign in to %1</source>
        <translation>Bei %1 anmelden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>MainView</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>This server keeps no history and no room list for StudyConnect: you see the messages sent while you are connected, and join rooms by their number.</source>
        <translation>Dieser Server speichert für StudyConnect keinen Verlauf und keine Raumliste: Du siehst die Nachrichten, die gesendet werden, während du verbunden bist, und trittst Räumen über ihre Nummer bei.</translation>
    </message>
    <message>
        <source>Messages cannot be kept on this computer: %1. StudyConnect still works; nothing is kept after you quit.</source>
        <translation>Nachrichten können auf diesem Computer nicht aufbewahrt werden: %1. StudyConnect funktioniert trotzdem; nach dem Beenden bleibt nichts erhalten.</translation>
    </message>
    <message>
        <source>That message cannot be shown any more: it may have been deleted.</source>
        <translation>Diese Nachricht kann nicht mehr angezeigt werden: Vielleicht wurde sie gelöscht.</translation>
    </message>
    <message>
        <source>No web browser could open %1. Copy the link from the message instead.</source>
        <translation>Kein Webbrowser konnte %1 öffnen. Kopiere den Link stattdessen aus der Nachricht.</translation>
    </message>
</context>
<context>
    <name>MembersPopup</name>
    <message>
        <source>Members of %1</source>
        <translation>Mitglieder von %1</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>(you)</source>
        <translation>(du)</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>Loading the members…</source>
        <translation>Die Mitglieder werden geladen…</translation>
    </message>
</context>
<context>
    <name>MentionPopup</name>
    <message>
        <source>People to mention</source>
        <translation>Personen zum Erwähnen</translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <source>React</source>
        <translation>Reagieren</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Reply in thread</source>
        <translation>Im Thread antworten</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Weitere Aktionen</translation>
    </message>
</context>
<context>
    <name>MessageAttachments</name>
    <message>
        <source>Uploading</source>
        <translation>Wird hochgeladen</translation>
    </message>
    <message>
        <source>Uploading… %1%</source>
        <translation>Wird hochgeladen… %1 %</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the upload and discard this message</source>
        <translation>Hochladen abbrechen und diese Nachricht verwerfen</translation>
    </message>
</context>
<context>
    <name>MessageByIdDialog</name>
    <message>
        <source>Message a person by id</source>
        <translation>Einer Person über ihre ID schreiben</translation>
    </message>
    <message>
        <source>A user id is a whole number, like 12.</source>
        <translation>Eine Benutzer-ID ist eine ganze Zahl, etwa 12.</translation>
    </message>
    <message>
        <source>That is your own id.</source>
        <translation>Das ist deine eigene ID.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Their user id is the number your school&apos;s system gives them.</source>
        <translation>Die Benutzer-ID ist die Nummer, die das System deiner Schule der Person gibt.</translation>
    </message>
    <message>
        <source>User id, e.g. 12</source>
        <translation>Benutzer-ID, z. B. 12</translation>
    </message>
    <message>
        <source>User id</source>
        <translation>Benutzer-ID</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>sending</source>
        <translation>wird gesendet</translation>
    </message>
    <message>
        <source>not sent: %1</source>
        <translation>nicht gesendet: %1</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 um %2: %3</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Retry sending this message</source>
        <translation>Diese Nachricht erneut senden</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Discard this message</source>
        <translation>Diese Nachricht verwerfen</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>Neue Nachrichten</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>(bearbeitet)</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <source>saving…</source>
        <translation>wird gespeichert…</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message numerus="yes">
        <source>%n replies</source>
        <translation>
            <numerusform>%n Antwort</numerusform>
            <numerusform>%n Antworten</numerusform>
        </translation>
    </message>
    <message>
        <source>replying to %1</source>
        <translation>Antwort an %1</translation>
    </message>
    <message>
        <source>Image %1, %2</source>
        <translation>Bild %1, %2</translation>
    </message>
    <message>
        <source>File %1, %2</source>
        <translation>Datei %1, %2</translation>
    </message>
</context>
<context>
    <name>MessageListModel</name>
    <message>
        <source>%1 joined</source>
        <translation>%1 ist beigetreten</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 hat den Raum verlassen</translation>
    </message>
    <message>
        <source>This message was deleted.</source>
        <translation>Diese Nachricht wurde gelöscht.</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>you</source>
        <translation>du</translation>
    </message>
</context>
<context>
    <name>MessageMenu</name>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Reply in thread</source>
        <translation>Im Thread antworten</translation>
    </message>
    <message>
        <source>React…</source>
        <translation>Reagieren…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Anheften</translation>
    </message>
    <message>
        <source>Reopen thread</source>
        <translation>Thread wieder öffnen</translation>
    </message>
    <message>
        <source>Mark thread resolved</source>
        <translation>Thread als gelöst markieren</translation>
    </message>
    <message>
        <source>Delete message?</source>
        <translation>Nachricht löschen?</translation>
    </message>
    <message>
        <source>The message will be removed for everyone. This cannot be undone.</source>
        <translation>Die Nachricht wird für alle entfernt. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>The message by another user will be removed for everyone. This cannot be undone.</source>
        <translation>Die Nachricht eines anderen Benutzers wird für alle entfernt. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the message</source>
        <translation>Die Nachricht löschen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Keep the message</source>
        <translation>Die Nachricht behalten</translation>
    </message>
</context>
<context>
    <name>NetworkSettings</name>
    <message>
        <source>Enter the proxy&apos;s host name or address.</source>
        <translation>Gib den Hostnamen oder die Adresse des Proxys ein.</translation>
    </message>
    <message>
        <source>The proxy host is a name or an address only, without a scheme or a user.</source>
        <translation>Der Proxy-Host ist nur ein Name oder eine Adresse, ohne Schema und ohne Benutzer.</translation>
    </message>
    <message>
        <source>The proxy port is a number from 1 to 65535.</source>
        <translation>Der Proxy-Port ist eine Zahl von 1 bis 65535.</translation>
    </message>
</context>
<context>
    <name>NetworkSettingsDialog</name>
    <message>
        <source>Network settings</source>
        <translation>Netzwerkeinstellungen</translation>
    </message>
    <message>
        <source>Connected over long-polling.</source>
        <translation>Über Long-Polling verbunden.</translation>
    </message>
    <message>
        <source>Connected over WebSocket.</source>
        <translation>Über WebSocket verbunden.</translation>
    </message>
    <message>
        <source>Not connected yet: %1</source>
        <translation>Noch nicht verbunden: %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <source>Test these settings: reconnect without saving them</source>
        <translation>Diese Einstellungen testen: neu verbinden, ohne sie zu speichern</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Save these settings and reconnect</source>
        <translation>Diese Einstellungen speichern und neu verbinden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Automatic (WebSocket, else long-polling)</source>
        <translation>Automatisch (WebSocket, sonst Long-Polling)</translation>
    </message>
    <message>
        <source>WebSocket only</source>
        <translation>Nur WebSocket</translation>
    </message>
    <message>
        <source>Long-polling only</source>
        <translation>Nur Long-Polling</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Übertragung</translation>
    </message>
    <message>
        <source>Long-polling works through proxies and firewalls that block WebSocket, at some cost in speed.</source>
        <translation>Long-Polling funktioniert auch durch Proxys und Firewalls, die WebSocket blockieren, ist aber etwas langsamer.</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>System settings</source>
        <translation>Systemeinstellungen</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>Kein Proxy</translation>
    </message>
    <message>
        <source>HTTP proxy</source>
        <translation>HTTP-Proxy</translation>
    </message>
    <message>
        <source>SOCKS5 proxy</source>
        <translation>SOCKS5-Proxy</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>proxy.school.example</source>
        <translation>proxy.schule.example</translation>
    </message>
    <message>
        <source>Proxy host</source>
        <translation>Proxy-Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Proxy port</source>
        <translation>Proxy-Port</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Proxy user name</source>
        <translation>Proxy-Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Saved: leave empty to keep it</source>
        <translation>Gespeichert: leer lassen, um es zu behalten</translation>
    </message>
    <message>
        <source>Proxy password</source>
        <translation>Proxy-Passwort</translation>
    </message>
    <message>
        <source>No keychain is available: the proxy password is kept until StudyConnect quits.</source>
        <translation>Kein Schlüsselbund verfügbar: Das Proxy-Passwort bleibt nur bis zum Beenden von StudyConnect erhalten.</translation>
    </message>
</context>
<context>
    <name>NewMessageAnnouncer</name>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n neue Nachricht</numerusform>
            <numerusform>%n neue Nachrichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new messages, the last from %1: %2</source>
        <translation>
            <numerusform>%n neue Nachricht, die letzte von %1: %2</numerusform>
            <numerusform>%n neue Nachrichten, die letzte von %1: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>The server refused the message.</source>
        <translation>Der Server hat die Nachricht abgelehnt.</translation>
    </message>
    <message>
        <source>Files cannot be sent from here.</source>
        <translation>Von hier aus können keine Dateien gesendet werden.</translation>
    </message>
    <message>
        <source>The server did not say where it keeps the file.</source>
        <translation>Der Server hat nicht mitgeteilt, wo er die Datei ablegt.</translation>
    </message>
    <message>
        <source>The server refused the file.</source>
        <translation>Der Server hat die Datei abgelehnt.</translation>
    </message>
</context>
<context>
    <name>PinsPopup</name>
    <message>
        <source>Pinned messages</source>
        <translation>Angeheftete Nachrichten</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Nothing is pinned here.</source>
        <translation>Hier ist nichts angeheftet.</translation>
    </message>
</context>
<context>
    <name>PresenceModel</name>
    <message>
        <source>User %1</source>
        <translation>Benutzer %1</translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <source>Jump to a room or person…</source>
        <translation>Zu einem Raum oder einer Person springen…</translation>
    </message>
    <message>
        <source>Jump to a room or person</source>
        <translation>Zu einem Raum oder einer Person springen</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Nothing matches “%1”</source>
        <translation>Nichts passt zu „%1“</translation>
    </message>
</context>
<context>
    <name>ReactionsRow</name>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>Add a reaction</source>
        <translation>Reaktion hinzufügen</translation>
    </message>
</context>
<context>
    <name>ReplyQuote</name>
    <message>
        <source>Reply to %1: %2</source>
        <translation>Antwort an %1: %2</translation>
    </message>
    <message>
        <source>Shows the original message</source>
        <translation>Zeigt die ursprüngliche Nachricht</translation>
    </message>
</context>
<context>
    <name>SaveFileDialog</name>
    <message>
        <source>Save “%1”</source>
        <translation>„%1“ speichern</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>You are offline: only the messages kept on this computer were searched.</source>
        <translation>Du bist offline: Nur die auf diesem Computer aufbewahrten Nachrichten wurden durchsucht.</translation>
    </message>
    <message>
        <source>The server could not search (%1): only the messages kept on this computer were searched.</source>
        <translation>Der Server konnte nicht suchen (%1): Nur die auf diesem Computer aufbewahrten Nachrichten wurden durchsucht.</translation>
    </message>
    <message>
        <source>This server cannot search: only the messages kept on this computer were searched.</source>
        <translation>Dieser Server kann nicht suchen: Nur die auf diesem Computer aufbewahrten Nachrichten wurden durchsucht.</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>Die Suche ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Nothing can be searched: you are offline and no messages are kept on this computer.</source>
        <translation>Es kann nichts durchsucht werden: Du bist offline, und auf diesem Computer werden keine Nachrichten aufbewahrt.</translation>
    </message>
    <message>
        <source>Search messages…</source>
        <translation>Nachrichten durchsuchen…</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Nachrichten durchsuchen</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>%1, %2, %3: %4</source>
        <translation>%1, %2, %3: %4</translation>
    </message>
    <message>
        <source>No messages match “%1”</source>
        <translation>Keine Nachricht passt zu „%1“</translation>
    </message>
</context>
<context>
    <name>SenderDirectory</name>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>User %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>No keychain is available, so your sign-in is kept only until StudyConnect quits. You will need to sign in again next time.</source>
        <translation>Es ist kein Schlüsselbund verfügbar, daher bleibst du nur angemeldet, bis StudyConnect beendet wird. Beim nächsten Mal musst du dich erneut anmelden.</translation>
    </message>
    <message>
        <source>The server address is not a valid URL.</source>
        <translation>Die Serveradresse ist keine gültige URL.</translation>
    </message>
    <message>
        <source>Enter your email address and password.</source>
        <translation>Gib deine E-Mail-Adresse und dein Passwort ein.</translation>
    </message>
    <message>
        <source>Wrong email address or password.</source>
        <translation>E-Mail-Adresse oder Passwort ist falsch.</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>Der Server ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>This server does not offer sign-in with a password. Choose &quot;Token&quot; and paste the token your school&apos;s sign-in gave you.</source>
        <translation>Dieser Server bietet keine Anmeldung mit Passwort an. Wähle „Token“ und füge das Token ein, das dir die Anmeldung deiner Schule gegeben hat.</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The stored session is not valid. Please sign in again.</source>
        <translation>Die gespeicherte Sitzung ist ungültig. Bitte melde dich erneut an.</translation>
    </message>
    <message>
        <source>The server sent a token this app cannot read.</source>
        <translation>Der Server hat ein Token geschickt, das diese App nicht lesen kann.</translation>
    </message>
    <message>
        <source>The server no longer accepts this session: %1</source>
        <translation>Der Server akzeptiert diese Sitzung nicht mehr: %1</translation>
    </message>
    <message>
        <source>Your session has expired. Please sign in again.</source>
        <translation>Deine Sitzung ist abgelaufen. Bitte melde dich erneut an.</translation>
    </message>
    <message>
        <source>Paste the token you were given.</source>
        <translation>Füge das Token ein, das du erhalten hast.</translation>
    </message>
    <message>
        <source>This is not a token. A token is three parts separated by dots, like eyJhbGciOi….eyJpZCI6….SflKxw…</source>
        <translation>Das ist kein Token. Ein Token besteht aus drei durch Punkte getrennten Teilen, etwa eyJhbGciOi….eyJpZCI6….SflKxw…</translation>
    </message>
    <message>
        <source>This token does not say which account it belongs to (it has no id).</source>
        <translation>Dieses Token sagt nicht, zu welchem Konto es gehört (es hat keine id).</translation>
    </message>
    <message>
        <source>This token expired on %1. Get a new one and sign in again.</source>
        <translation>Dieses Token ist am %1 abgelaufen. Hol dir ein neues und melde dich erneut an.</translation>
    </message>
    <message>
        <source>This server does not know the account in that token.</source>
        <translation>Dieser Server kennt das Konto in diesem Token nicht.</translation>
    </message>
    <message>
        <source>The token has expired. Please sign in again.</source>
        <translation>Das Token ist abgelaufen. Bitte melde dich erneut an.</translation>
    </message>
    <message>
        <source>This server did not issue that token: its signature does not match.</source>
        <translation>Dieses Token stammt nicht von diesem Server: Seine Signatur passt nicht.</translation>
    </message>
    <message>
        <source>The server cannot read that token.</source>
        <translation>Der Server kann dieses Token nicht lesen.</translation>
    </message>
    <message>
        <source>The server received no token.</source>
        <translation>Der Server hat kein Token erhalten.</translation>
    </message>
    <message>
        <source>The token is not signed.</source>
        <translation>Das Token ist nicht signiert.</translation>
    </message>
    <message>
        <source>The token is not valid yet. Check your computer&apos;s clock.</source>
        <translation>Das Token ist noch nicht gültig. Prüfe die Uhr deines Computers.</translation>
    </message>
    <message>
        <source>The server refused the sign-in: %1</source>
        <translation>Der Server hat die Anmeldung abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>tomorrow %1</source>
        <translation>morgen %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Show a notification for new messages</source>
        <translation>Bei neuen Nachrichten benachrichtigen</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>Nicht stören</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>Für 1 Stunde</translation>
    </message>
    <message>
        <source>Until %1</source>
        <translation>Bis %1</translation>
    </message>
    <message>
        <source>No notifications until %1, mentions included.</source>
        <translation>Bis %1 keine Benachrichtigungen, auch nicht bei Erwähnungen.</translation>
    </message>
    <message>
        <source>Messages in the conversation you are reading are not notified while the window is in front.</source>
        <translation>Für Nachrichten in der Unterhaltung, die du gerade liest, gibt es keine Benachrichtigung, solange das Fenster im Vordergrund ist.</translation>
    </message>
    <message>
        <source>New messages are counted in the sidebar and the title, without notifications.</source>
        <translation>Neue Nachrichten werden in der Seitenleiste und im Titel gezählt, ohne Benachrichtigung.</translation>
    </message>
    <message>
        <source>Muted conversations</source>
        <translation>Stummgeschaltete Unterhaltungen</translation>
    </message>
    <message>
        <source>A muted conversation only notifies you when you are mentioned. Mute one from its menu in the sidebar (right-click it, or press the Menu key).</source>
        <translation>Eine stummgeschaltete Unterhaltung benachrichtigt dich nur, wenn du erwähnt wirst. Stummschalten kannst du sie über ihr Menü in der Seitenleiste (Rechtsklick oder Menütaste).</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Stummschaltung aufheben</translation>
    </message>
    <message>
        <source>Unmute %1</source>
        <translation>Stummschaltung von %1 aufheben</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Farben</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Starting and closing</source>
        <translation>Starten und Schließen</translation>
    </message>
    <message>
        <source>Start StudyConnect when I log in</source>
        <translation>StudyConnect starten, wenn ich mich anmelde</translation>
    </message>
    <message>
        <source>Keep running in the background when the window is closed</source>
        <translation>Im Hintergrund weiterlaufen, wenn das Fenster geschlossen wird</translation>
    </message>
    <message>
        <source>No system tray found: closing the window quits.</source>
        <translation>Kein Infobereich (System-Tray) gefunden: Schließen des Fensters beendet StudyConnect.</translation>
    </message>
    <message>
        <source>Closing the window keeps StudyConnect connected in the system tray, with the unread count; quit from the tray icon&apos;s menu.</source>
        <translation>Nach dem Schließen des Fensters bleibt StudyConnect im Infobereich verbunden und zeigt dort die Zahl ungelesener Nachrichten; beenden kannst du es über das Menü des Symbols.</translation>
    </message>
    <message>
        <source>Closing the window quits.</source>
        <translation>Schließen des Fensters beendet StudyConnect.</translation>
    </message>
    <message>
        <source>More settings</source>
        <translation>Weitere Einstellungen</translation>
    </message>
    <message>
        <source>Network settings…</source>
        <translation>Netzwerkeinstellungen…</translation>
    </message>
    <message>
        <source>Network settings</source>
        <translation>Netzwerkeinstellungen</translation>
    </message>
    <message>
        <source>Messages on this computer…</source>
        <translation>Nachrichten auf diesem Computer…</translation>
    </message>
    <message>
        <source>Messages on this computer</source>
        <translation>Nachrichten auf diesem Computer</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Account menu</source>
        <translation>Kontomenü</translation>
    </message>
    <message>
        <source>Jump to…  (Ctrl+K)</source>
        <translation>Springen zu…  (Strg+K)</translation>
    </message>
    <message>
        <source>Join a room by id…</source>
        <translation>Raum über seine Nummer beitreten…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Jump to…</source>
        <translation>Springen zu…</translation>
    </message>
    <message>
        <source>Jump to a room or person (Ctrl+K)</source>
        <translation>Zu einem Raum oder einer Person springen (Strg+K)</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Strg+K</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Räume</translation>
    </message>
    <message>
        <source>+ Join by id</source>
        <translation>+ Über Nummer beitreten</translation>
    </message>
    <message>
        <source>joined</source>
        <translation>beigetreten</translation>
    </message>
    <message>
        <source>not joined</source>
        <translation>nicht beigetreten</translation>
    </message>
    <message>
        <source>No rooms yet. Join one by its id.</source>
        <translation>Noch keine Räume. Tritt einem über seine Nummer bei.</translation>
    </message>
    <message>
        <source>Direct messages</source>
        <translation>Direktnachrichten</translation>
    </message>
    <message>
        <source>No conversations yet. Pick someone below.</source>
        <translation>Noch keine Unterhaltungen. Wähle unten jemanden aus.</translation>
    </message>
    <message>
        <source>People · %1 online</source>
        <translation>Personen · %1 online</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Opens a direct conversation</source>
        <translation>Öffnet eine Direktnachricht</translation>
    </message>
    <message>
        <source>User %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>Message a person by id…</source>
        <translation>Einer Person über ihre ID schreiben…</translation>
    </message>
    <message>
        <source>+ By id</source>
        <translation>+ Über ID</translation>
    </message>
    <message>
        <source>Network settings…  (Ctrl+,)</source>
        <translation type="vanished">Netzwerkeinstellungen…  (Strg+,)</translation>
    </message>
    <message>
        <source>Search messages…  (Ctrl+F)</source>
        <translation>Nachrichten durchsuchen…  (Strg+F)</translation>
    </message>
    <message>
        <source>Messages on this computer…</source>
        <translation>Nachrichten auf diesem Computer…</translation>
    </message>
    <message>
        <source>Join a room by its id</source>
        <translation>Einem Raum über seine Nummer beitreten</translation>
    </message>
    <message>
        <source>Message a person by their id</source>
        <translation>Einer Person über ihre ID schreiben</translation>
    </message>
    <message>
        <source>Network settings…</source>
        <translation>Netzwerkeinstellungen…</translation>
    </message>
    <message>
        <source>Settings…  (Ctrl+,)</source>
        <translation>Einstellungen…  (Strg+,)</translation>
    </message>
</context>
<context>
    <name>SidebarItem</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n ungelesen</numerusform>
            <numerusform>%n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message numerus="yes">
        <source>%n mention(s)</source>
        <translation>
            <numerusform>%n Erwähnung</numerusform>
            <numerusform>%n Erwähnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>muted</source>
        <translation>stummgeschaltet</translation>
    </message>
    <message>
        <source>Unmute notifications</source>
        <translation>Benachrichtigungen einschalten</translation>
    </message>
    <message>
        <source>Mute notifications</source>
        <translation>Stummschalten</translation>
    </message>
</context>
<context>
    <name>SignInLink</name>
    <message>
        <source>This link is not a StudyConnect sign-in link.</source>
        <translation>Dieser Link ist kein StudyConnect-Anmeldelink.</translation>
    </message>
    <message>
        <source>The sign-in link does not name a server this app can use (http or https).</source>
        <translation>Der Anmeldelink nennt keinen Server, den diese App verwenden kann (http oder https).</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Enter the server address, for example http://localhost:5000.</source>
        <translation>Gib die Serveradresse ein, zum Beispiel http://localhost:5000.</translation>
    </message>
    <message>
        <source>Enter your email address and password.</source>
        <translation>Gib deine E-Mail-Adresse und dein Passwort ein.</translation>
    </message>
    <message>
        <source>StudyConnect</source>
        <translation>StudyConnect</translation>
    </message>
    <message>
        <source>Sign in to chat with your study groups</source>
        <translation>Melde dich an, um mit deinen Lerngruppen zu chatten</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>you@school.edu</source>
        <translation>du@schule.de</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>How to sign in</source>
        <translation>Wie du dich anmeldest</translation>
    </message>
    <message>
        <source>Email and password</source>
        <translation>E-Mail und Passwort</translation>
    </message>
    <message>
        <source>Sign in with email and password</source>
        <translation>Mit E-Mail und Passwort anmelden</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Sign in with a token</source>
        <translation>Mit einem Token anmelden</translation>
    </message>
    <message>
        <source>Paste your token (eyJ…)</source>
        <translation>Token einfügen (eyJ…)</translation>
    </message>
    <message>
        <source>The token your school&apos;s sign-in gave you. It is kept in the keychain like a password.</source>
        <translation>Das Token, das dir die Anmeldung deiner Schule gegeben hat. Es wird wie ein Passwort im Schlüsselbund aufbewahrt.</translation>
    </message>
    <message>
        <source>Sign in with this token</source>
        <translation>Mit diesem Token anmelden</translation>
    </message>
    <message>
        <source>Network settings…</source>
        <translation>Netzwerkeinstellungen…</translation>
    </message>
    <message>
        <source>Network settings: transport and proxy (Ctrl+,)</source>
        <translation>Netzwerkeinstellungen: Übertragung und Proxy (Strg+,)</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Sign in to StudyConnect</source>
        <translation>Bei StudyConnect anmelden</translation>
    </message>
</context>
<context>
    <name>StorageSettingsDialog</name>
    <message>
        <source>Messages on this computer</source>
        <translation>Nachrichten auf diesem Computer</translation>
    </message>
    <message>
        <source>Keep all messages</source>
        <translation>Alle Nachrichten aufbewahren</translation>
    </message>
    <message>
        <source>Keep the newest %1 per conversation</source>
        <translation>Die neuesten %1 je Unterhaltung aufbewahren</translation>
    </message>
    <message>
        <source>Messages kept per conversation</source>
        <translation>Aufbewahrte Nachrichten je Unterhaltung</translation>
    </message>
    <message>
        <source>Kept messages can be read and searched offline. Older ones are deleted from this computer only: they stay on the server and load again when you scroll up.</source>
        <translation>Aufbewahrte Nachrichten kannst du offline lesen und durchsuchen. Ältere werden nur auf diesem Computer gelöscht: Sie bleiben auf dem Server und werden beim Hochscrollen wieder geladen.</translation>
    </message>
    <message>
        <source>Messages cannot be kept on this computer: %1</source>
        <translation>Nachrichten können auf diesem Computer nicht aufbewahrt werden: %1</translation>
    </message>
</context>
<context>
    <name>ThreadPanel</name>
    <message>
        <source>Thread</source>
        <translation>Thread</translation>
    </message>
    <message>
        <source>Close the thread</source>
        <translation>Thread schließen</translation>
    </message>
    <message>
        <source>Close the thread (Esc)</source>
        <translation>Thread schließen (Esc)</translation>
    </message>
    <message>
        <source>%1 asked: %2</source>
        <translation>%1 fragte: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n replies</source>
        <translation>
            <numerusform>%n Antwort</numerusform>
            <numerusform>%n Antworten</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <source>Mark resolved</source>
        <translation>Als gelöst markieren</translation>
    </message>
    <message>
        <source>Reopen the thread</source>
        <translation>Den Thread wieder öffnen</translation>
    </message>
    <message>
        <source>Mark the thread resolved</source>
        <translation>Den Thread als gelöst markieren</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>No replies yet.</source>
        <translation>Noch keine Antworten.</translation>
    </message>
    <message>
        <source>Reply in thread…</source>
        <translation>Im Thread antworten…</translation>
    </message>
</context>
<context>
    <name>ThreadSummary</name>
    <message numerus="yes">
        <source>%n replies</source>
        <translation>
            <numerusform>%n Antwort</numerusform>
            <numerusform>%n Antworten</numerusform>
        </translation>
    </message>
    <message>
        <source>last %1</source>
        <translation>zuletzt %1</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>Opens the thread</source>
        <translation>Öffnet den Thread</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Open StudyConnect</source>
        <translation>StudyConnect öffnen</translation>
    </message>
    <message>
        <source>Quit StudyConnect</source>
        <translation>StudyConnect beenden</translation>
    </message>
    <message numerus="yes">
        <source>StudyConnect: %n unread</source>
        <translation>
            <numerusform>StudyConnect: %n ungelesen</numerusform>
            <numerusform>StudyConnect: %n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>StudyConnect</source>
        <translation>StudyConnect</translation>
    </message>
    <message numerus="yes">
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>%n ungelesene Nachricht</numerusform>
            <numerusform>%n ungelesene Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>No unread messages</source>
        <translation>Keine ungelesenen Nachrichten</translation>
    </message>
</context>
<context>
    <name>UnreadWatcher</name>
    <message>
        <source>%1: you were mentioned</source>
        <translation>%1: du wurdest erwähnt</translation>
    </message>
    <message>
        <source>%1 mentioned you</source>
        <translation>%1 hat dich erwähnt</translation>
    </message>
    <message>
        <source>%1 mentioned you in %2</source>
        <translation>%1 hat dich in %2 erwähnt</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <comment>sender in room</comment>
        <translation>%1 in %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The StudyConnect server (default: the last one used, else http://localhost:5000).</source>
        <translation>Der StudyConnect-Server (Standard: der zuletzt verwendete, sonst http://localhost:5000).</translation>
    </message>
    <message>
        <source>StudyConnect Desktop: chat with your study groups.</source>
        <translation>StudyConnect Desktop: Chatte mit deinen Lerngruppen.</translation>
    </message>
    <message>
        <source>A studyconnect://signin link (the app asks before using it).</source>
        <translation>Ein studyconnect://signin-Link (die App fragt, bevor sie ihn verwendet).</translation>
    </message>
</context>
</TS>
