'use strict';

// THE SEED'S BACKEND, RE-CREATED FOR COMPARISON (not StudyConnect's reference backend).
//
// The seed (shared/seed/websockets-studyconnect.md) shows its socket.io setup but not its models
// nor saveMessageToDatabase / saveDirectMessageToDatabase, and it cannot be run as it is. This
// file is a faithful minimal re-creation of its handlers, for the load test's peer: the same
// middleware (JWT from handshake.auth.token, then the user looked up by id), the same presence
// upserts and broadcasts, the same room, message and DM handlers with the same payloads, no
// acks, no validation, no membership. Its database is SQLite (better-sqlite3, as the reference
// backend's default) in place of the seed's Sequelize models: one synchronous insert per message,
// as an ORM's INSERT … RETURNING would be.
//
//   PORT=… JWT_SECRET=… DB_PATH=… USERS=2000 node seed-backend.js

const http = require('node:http');
const path = require('node:path');
const serverModules = path.join(__dirname, '..', '..', 'server', 'node_modules');
const socketIO = require(path.join(serverModules, 'socket.io'));
const jwt = require(path.join(serverModules, 'jsonwebtoken'));
const Database = require(path.join(serverModules, 'better-sqlite3'));

const db = new Database(process.env.DB_PATH || ':memory:');
db.pragma('journal_mode = WAL');
db.exec(`
CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, first_name TEXT, last_name TEXT, role TEXT, avatar TEXT);
CREATE TABLE IF NOT EXISTS user_presence (user_id INTEGER PRIMARY KEY, status TEXT, last_activity INTEGER);
CREATE TABLE IF NOT EXISTS messages (id INTEGER PRIMARY KEY AUTOINCREMENT, sender_id INTEGER, room_id TEXT, text TEXT, created_at INTEGER);
CREATE TABLE IF NOT EXISTS direct_messages (id INTEGER PRIMARY KEY AUTOINCREMENT, sender_id INTEGER, recipient_id TEXT, text TEXT, created_at INTEGER);
`);
const users = Number(process.env.USERS || 2000);
db.prepare(`WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < ${users})
  INSERT OR IGNORE INTO users (id, first_name, last_name, role) SELECT i, 'User' || i, 'Load', 'student' FROM g`).run();

const User = { findByPk: async (id) => db.prepare('SELECT * FROM users WHERE id = ?').get(id) };
const UserPresence = {
  upsert: async ({ userId, status, lastActivity }) => db.prepare(`INSERT INTO user_presence (user_id, status, last_activity) VALUES (?, ?, ?)
    ON CONFLICT(user_id) DO UPDATE SET status = excluded.status, last_activity = excluded.last_activity`).run(userId, status, lastActivity.getTime()),
};
const insertMessage = db.prepare('INSERT INTO messages (sender_id, room_id, text, created_at) VALUES (?, ?, ?, ?)');
const insertDm = db.prepare('INSERT INTO direct_messages (sender_id, recipient_id, text, created_at) VALUES (?, ?, ?, ?)');
const saveMessageToDatabase = async (senderId, roomId, text) => {
  const createdAt = new Date();
  const info = insertMessage.run(senderId, String(roomId), text, createdAt.getTime());
  return { id: Number(info.lastInsertRowid), createdAt };
};
const saveDirectMessageToDatabase = async (senderId, recipientId, text) => {
  const createdAt = new Date();
  const info = insertDm.run(senderId, String(recipientId), text, createdAt.getTime());
  return { id: Number(info.lastInsertRowid), createdAt };
};

// From here on: the seed's setupSocket, as the seed document has it (console logging left out:
// the seed logs every connection, join and disconnect, which at 2,000 sockets measures the
// terminal, not the server).
const setupSocket = (server) => {
  const io = socketIO(server, {
    cors: { origin: process.env.FRONTEND_URL || 'http://localhost:3000', methods: ['GET', 'POST'], credentials: true },
  });
  io.use(async (socket, next) => {
    try {
      const token = socket.handshake.auth.token;
      if (!token) return next(new Error('Authentication error: Token not provided'));
      const decoded = jwt.verify(token, process.env.JWT_SECRET);
      const user = await User.findByPk(decoded.id);
      if (!user) return next(new Error('Authentication error: User not found'));
      socket.user = { id: user.id, firstName: user.first_name, lastName: user.last_name, role: user.role, avatar: user.avatar };
      next();
    } catch (error) {
      return next(new Error('Authentication error: ' + error.message));
    }
  });
  io.on('connection', async (socket) => {
    try {
      await UserPresence.upsert({ userId: socket.user.id, status: 'online', lastActivity: new Date() });
      socket.broadcast.emit('user:status', { userId: socket.user.id, status: 'online' });
      socket.join(`user:${socket.user.id}`);
      socket.on('room:join', (roomId) => {
        socket.join(`room:${roomId}`);
        socket.to(`room:${roomId}`).emit('room:userJoined', { roomId, user: socket.user });
      });
      socket.on('room:leave', (roomId) => {
        socket.leave(`room:${roomId}`);
        socket.to(`room:${roomId}`).emit('room:userLeft', { roomId, userId: socket.user.id });
      });
      socket.on('message:send', async (data) => {
        const { roomId, text } = data;
        const message = await saveMessageToDatabase(socket.user.id, roomId, text);
        io.to(`room:${roomId}`).emit('message:received', {
          id: message.id, roomId, sender: socket.user, text, createdAt: message.createdAt,
        });
      });
      socket.on('dm:send', async (data) => {
        const { recipientId, text } = data;
        const dm = await saveDirectMessageToDatabase(socket.user.id, recipientId, text);
        io.to(`user:${recipientId}`).emit('dm:received', { id: dm.id, sender: socket.user, text, createdAt: dm.createdAt });
        socket.emit('dm:received', { id: dm.id, sender: socket.user, recipientId, text, createdAt: dm.createdAt });
      });
      socket.on('disconnect', async () => {
        await UserPresence.upsert({ userId: socket.user.id, status: 'offline', lastActivity: new Date() });
        socket.broadcast.emit('user:status', { userId: socket.user.id, status: 'offline' });
      });
    } catch (error) {
      console.error('Socket error:', error);
    }
  });
  return io;
};

const server = http.createServer();
setupSocket(server);
server.listen(Number(process.env.PORT || 5000), '127.0.0.1', () => {
  console.log(`seed backend (re-created) listening on http://127.0.0.1:${server.address().port}`);
});
process.on('SIGTERM', () => process.exit(0));
