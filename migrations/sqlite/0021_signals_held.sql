-- Issue 25. Beyond the coalition's daily cap, signals from the public form are no longer refused:
-- a flood from many addresses would otherwise lock a real citizen out. They are kept "onder
-- voorbehoud" (held = 1): shown apart to the receiving partner, removable as one batch, and
-- counted nowhere until the partner accepts one.
ALTER TABLE signals ADD COLUMN held INTEGER NOT NULL DEFAULT 0;
