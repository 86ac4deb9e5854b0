-- Websites must now be http(s) web addresses (the spec and the import share the rule). Older values without a scheme
-- that look like a host get https://; anything else that is not a web address (javascript:..., text) is removed, so
-- an edit of another field is never refused for a website its sender did not send.
update supplier set website = 'https://' || website
where website is not null and website !~* '^https?://' and website ~ '^[^\s/?#:]+\.[^\s]+$';
update supplier set website = null
where website is not null and website !~* '^https?://[^\s/?#]+\.[^\s]+$';
