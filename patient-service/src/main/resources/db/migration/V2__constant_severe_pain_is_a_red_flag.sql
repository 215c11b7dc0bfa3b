-- Constant severe pain whatever the position is one red flag (CONSTANT_SEVERE_PAIN), no longer also an "other" sign
-- (POSITION_INDEPENDENT_PAIN), whose copy could end in a CLEAR screening. Existing rows keep their recorded outcome
-- (screenings are history); the red flag they now carry makes the clearance rule refuse them.
UPDATE screening
SET red_flags = CASE
        WHEN FIND_IN_SET('CONSTANT_SEVERE_PAIN', red_flags) > 0 THEN red_flags
        WHEN red_flags = '' THEN 'CONSTANT_SEVERE_PAIN'
        ELSE CONCAT(red_flags, ',CONSTANT_SEVERE_PAIN')
    END,
    other_signs = TRIM(BOTH ',' FROM REPLACE(CONCAT(',', other_signs, ','), ',POSITION_INDEPENDENT_PAIN,', ','))
WHERE FIND_IN_SET('POSITION_INDEPENDENT_PAIN', other_signs) > 0;
