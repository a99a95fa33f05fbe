#pragma once

#include <QString>

class QSqlDatabase;

/// The tables of the offline store and the steps between their versions (SQLite's user_version).
/// Append new steps; never edit a released one: a user's file may be at any earlier version.
namespace StoreSchema {

/// The version the steps below lead to.
int currentVersion();

/// The SQL of every step up to `version` (1 = the first release); tests build older files with
/// it to check the migrations.
QString stepsUpTo(int version);

/// Pragmas every connection needs (WAL, busy timeout, synchronous=NORMAL).
bool configureConnection(QSqlDatabase &db, QString *error);

/// Brings the file to currentVersion(), in one transaction. A file written by a newer client
/// (a higher version) is refused rather than misread.
bool migrate(QSqlDatabase &db, QString *error);

} // namespace StoreSchema
