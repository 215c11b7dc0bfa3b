-- A physio's or admin's language for the e-mails they receive (daily digest, weekly summary, urgent alerts):
-- 'en', 'es'; NULL: English, as before this column.
ALTER TABLE staff_notification_preference ADD COLUMN language VARCHAR(10) NULL;
