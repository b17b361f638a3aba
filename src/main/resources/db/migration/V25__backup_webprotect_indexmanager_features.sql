-- cPanel gates UAPI Backup on the backup feature (Cpanel/API/Backup.pm), DirectoryPrivacy, DirectoryProtection and
-- API 2's Htaccess on webprotect, DirectoryIndexes on indexmanager (their %API). OpenUAPI now does too; new accounts
-- get every feature, and existing accounts, and plans that list their features, get these three as well, so that
-- nobody loses a function they could call before (as V15 did for nettools).
UPDATE account SET features = CONCAT(features, ',backup') WHERE features <> '' AND FIND_IN_SET('backup', features) = 0;
UPDATE account SET features = CONCAT(features, ',webprotect') WHERE features <> '' AND FIND_IN_SET('webprotect', features) = 0;
UPDATE account SET features = CONCAT(features, ',indexmanager') WHERE features <> '' AND FIND_IN_SET('indexmanager', features) = 0;
UPDATE plan SET features = CONCAT(features, ',backup') WHERE features <> '' AND FIND_IN_SET('backup', features) = 0;
UPDATE plan SET features = CONCAT(features, ',webprotect') WHERE features <> '' AND FIND_IN_SET('webprotect', features) = 0;
UPDATE plan SET features = CONCAT(features, ',indexmanager') WHERE features <> '' AND FIND_IN_SET('indexmanager', features) = 0;
