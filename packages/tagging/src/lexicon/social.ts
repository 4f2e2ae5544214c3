import type { LexiconEntry } from './types.ts';

/** Social media: the platforms, posting and creating, followers and virality, online culture. */
export const social: LexiconEntry = {
  strong: [
    `social+media instagram insta tiktok tik+tok twitter snapchat facebook youtube youtuber youtubers influencer
      influencers followers follower subscribers subscriber went+viral going+viral viral content+creator
      content+creators content+creation reel reels hashtag hashtags retweet retweets retweeted doomscroll
      doomscrolling screen+time selfie selfies livestream livestreams livestreaming live+stream live+streaming vlog
      vlogger vloggers vlogs vlogging linkedin bluesky mastodon threads+app the+algorithm discourse subreddit
      reddit+thread tumblr pinterest+board bereal patreon substack onlyfans myspace discord+server brand+deal
      brand+deals sponsored+post affiliate+link link+in+bio follower+count follow+count engagement+rate impressions+on
      shadowban shadowbanned for+you+page fyp explore+page ig+story instagram+story insta+story tiktok+trend
      tiktok+live viral+video viral+tweet viral+post quote+tweet quote+tweets qrt blue+check blue+tick ratioed
      chronically+online terminally+online touch+grass touch+some+grass parasocial stan+twitter fan+account shitpost
      shitposting posting+schedule content+calendar personal+brand social+media+manager grwm get+ready+with+me
      unboxing+video mukbang asmr storytime day+in+my+life photo+dump photodump comments+section comment+section
      1k+followers 10k+followers 100k+followers 1m+followers 🤳`,
    `podcast podcasts podcaster podcast+episode podcast+episodes new+podcast my+podcast our+podcast instagram+carousel
      carousel+post posted+a+carousel posted+a+reel posted+a+tiktok my+tiktok my+reel youtube+shorts tiktok+shop
      creator+fund monetized monetization+on twitch+affiliate twitch+partner`,
  ],
  normal: [
    `creator creators travel+vlog algorithm algo repost reposted reposting engagement scrolling posted memes meme
      trending sponsored collab collabs podcast podcasts podcaster reddit pinterest streamer streamers tweet tweets
      tweeting threads ig yt whatsapp+group gc telegram+channel twitch+chat discord followed+me unfollow unfollowed
      mutuals moots dms dm+me slide+into my+mentions notifications+blowing blew+up+overnight trending+topic
      trending+on ratio+this the+discourse online+drama drama+online influencer+drama cancelled+online got+cancelled
      canceled+online caption captions posting+every post+every post+a+day uploaded+a+video new+video new+upload
      upload+schedule youtube+channel my+channel subscribe subscribed thumbnail thumbnails shorts+on reels+on
      niche+content audience+growth grow+my+account growing+my+account my+feed the+timeline the+comments memes+are
      meme+page fandom fandoms`,
  ],
  weak: `likes views post posts feed timeline dms dm ratio online app content channel 📱 notifications comments+on
    unfollowed+me trend+on trend viral+on bio bios upload uploaded stan stans mentions filter filters the+internet
    hot+take unpopular+opinion main+character blowing+up group+chat`,
};
