import type { LexiconEntry } from './types.ts';

/** Video games, consoles and platforms, esports, game jargon, and tabletop games. */
export const gaming: LexiconEntry = {
  strong: [
    // the hobby and its jargon
    `gaming gamer gamers videogame videogames video+game video+games esports e+sports speedrun speedrunning
      speedrunner rpg rpgs jrpg crpg mmo mmorpg dlc boss+fight boss+fights boss+battle final+boss last+boss
      the+last+boss beat+the+boss beat+the+game beat+the+final+boss new+game+plus respawn respawned multiplayer
      singleplayer single+player+game playthrough gameplay indie+game indie+games npc npcs dungeons tabletop dnd d+d
      dungeons+and+dragons dungeon+master twitch+stream game+dev gamedev game+developer game+studio roguelike
      roguelite metroidvania soulslike souls+like platformer battle+royale open+world+game side+quest sidequest
      main+quest questline cutscene cutscenes pvp pve headshot headshots aimbot loot+box lootbox gacha patch+notes
      battle+pass season+pass early+access save+file save+point new+save co+op+campaign couch+co+op split+screen
      lets+play frame+rate framerate fps+drops input+lag hitbox hitboxes speed+run any+percent platinum+trophy
      platinumed 100+percent+completion achievement+hunting ranked+match ranked+grind elo+hell noob noobs gg ggs gg+wp
      lan+party controller+drift game+pass gamepass game+night+online gaming+pc gaming+laptop gaming+chair
      gaming+setup retro+gaming retro+games emulator emulation joycon joy+con joycons dualsense gamepad arcade+stick
      fight+stick 🎮 🕹️ 🕹 👾`,
    // platforms and hardware
    `playstation ps5 ps4 ps3 ps2 ps1 psvr psvr2 ps+plus playstation+plus xbox xbox+series+x xbox+series+s xbox+one
      nintendo nintendo+switch switch+2 switch+oled switch+lite game+boy gameboy gamecube n64 wii wii+u 3ds
      nintendo+ds steam+deck steamdeck rog+ally epic+games+store sega dreamcast mega+drive genesis+console atari snes
      super+nintendo nes+classic`,
    // games and series
    `minecraft fortnite tomb+raider lara+croft valorant zelda pokemon pokémon roblox overwatch skyrim cyberpunk+2077
      counter+strike csgo cs2 dota dota+2 league+of+legends animal+crossing final+fantasy stardew stardew+valley
      hades+2 hollow+knight silksong among+us terraria the+sims sims+4 baldur+gate baldurs+gate bg3 elden+ring
      eldenring malenia dark+souls fromsoftware fromsoft sekiro bloodborne demon+souls tears+of+the+kingdom totk
      breath+of+the+wild botw mario+kart smash+bros super+smash+bros splatoon metroid pikmin xenoblade fire+emblem
      call+of+duty modern+warfare black+ops destiny+2 apex+legends pubg rainbow+six rainbow+six+siege rocket+league
      ea+fc nba+2k madden gran+turismo forza forza+horizon super+mario mario+odyssey luigi+mansion donkey+kong
      crash+bandicoot god+of+war kratos uncharted horizon+zero+dawn horizon+forbidden+west ghost+of+tsushima red+dead
      red+dead+redemption rdr2 gta gta+5 gta+6 gta+v gta+vi grand+theft+auto the+witcher+3 witcher+3 mass+effect
      dragon+age starfield elder+scrolls diablo diablo+4 world+of+warcraft warcraft starcraft hearthstone
      cities+skylines civilization+vi civ+6 civ+vi age+of+empires total+war xcom factorio rimworld subnautica valheim
      no+man+sky outer+wilds disco+elysium undertale deltarune cuphead dead+cells slay+the+spire balatro
      vampire+survivors lethal+company phasmophobia palworld helldivers helldivers+2 deep+rock+galactic sea+of+thieves
      portal+2 half+life half+life+2 bioshock doom+eternal resident+evil silent+hill metal+gear metal+gear+solid
      death+stranding kojima ff7 ff7+rebirth ff14 ffxiv ff16 persona+5 persona+3 kingdom+hearts street+fighter
      street+fighter+6 tekken tekken+8 mortal+kombat monster+hunter path+of+exile lost+ark runescape osrs eve+online
      guild+wars astro+bot alan+wake+2 spider+man+2+game baldur+gate+3 genshin genshin+impact honkai honkai+star+rail
      star+rail zenless wuthering+waves fall+guys tetris pac+man space+invaders street+fighter+ii fallout+4
      fallout+new+vegas fallout+76 mario+party kirby+game metaphor+refantazio black+myth+wukong wukong
      final+fantasy+vii final+fantasy+xiv animal+crossing+new+horizons the+legend+of+zelda legend+of+zelda hyrule
      link+to+the+past ocarina+of+time majora+mask chrono+trigger pokemon+go pokemon+cards pokemon+scarlet
      celeste+game hades+ii katamari persona+4 yakuza+game like+a+dragon dragon+quest dragon+ball+sparking nier
      nier+automata stray+game tunic+game hi+fi+rush returnal ratchet+and+clank the+outer+worlds fortnite+season
      warframe dead+by+daylight left+4+dead payday+3 escape+from+tarkov tarkov dayz rust+game ark+survival
      satisfactory+game minecraft+server geoguessr wordle+streak`,
    // esports and tabletop
    `evo+2024 lol+worlds fnatic team+liquid cloud9 g2+esports s1mple catan settlers+of+catan warhammer warhammer+40k
      40k+army magic+the+gathering mtg ttrpg pathfinder+2e call+of+cthulhu critical+role board+game board+games
      boardgame boardgames tabletop+rpg lichess chess+com magnus+carlsen`,
    // more games, ranks and player talk
    `hogwarts+legacy marvel+rivals manor+lords astro+bot dave+the+diver animal+well pizza+tower risk+of+rain
      monster+hunter+wilds monster+hunter+world kingdom+come civ+7 civilization+vii assassins+creed assassin+creed
      far+cry ghost+of+yotei final+fantasy+xvi octopath+traveler sifu lies+of+p armored+core hitman+3 dishonored
      deathloop control+game inscryption cult+of+the+lamb dredge+game sea+of+stars chained+echoes tetris+effect
      mario+wonder super+mario+wonder splatoon+3 fire+emblem+engage persona+3+reload content+warning dwarf+fortress
      kerbal+space+program crusader+kings stellaris hearts+of+iron oxygen+not+included frostpunk against+the+storm
      slay+the+spire+2 enshrouded once+human the+finals deadlock+game halo+infinite gears+of+war forza+motorsport
      overwatch+2 titanfall battlefield+2042 battlefield+6 dont+starve project+zomboid 7+days+to+die
      ark+survival+evolved conan+exiles sons+of+the+forest green+hell raft+game grounded+game path+of+exile+2
      last+epoch grim+dawn black+desert+online guild+wars+2 elder+scrolls+online new+world+game old+school+runescape
      throne+and+liberty pokemon+legends pokemon+legends+za pokemon+violet pokemon+tcg pokemon+tcg+pocket zelda+echoes
      tomb+raider street+fighter+6 tekken+8 ea+sports+fc fc+25 fc+24 nba+2k25 mlb+the+show the+show+25
      rocket+league+ranked valorant+ranked cs2+premier faceit overwatch+ranked apex+ranked league+ranked solo+queue
      soloq duo+queue hardstuck hard+stuck ranked+up rank+up deranked smurf smurfing smurfs tryhard tryhards
      sweaty+lobby sweaty+lobbies rage+quit ragequit rage+quitting got+carried carried+the+team clutched 1v5 1v4 1v3
      ace+round no+scope noscope team+wipe wiped+on raid+wipe matchmaking queue+times lag+spike lag+spikes
      my+teammates teammates+in hit+diamond hit+plat hit+platinum hit+masters hit+grandmaster hit+immortal hit+radiant
      hit+champ diamond+rank plat+rank gold+rank grandmaster+rank speedran speedrunning 100+percent 100+percented
      100+d platinum+trophy boss+fight bossfight final+dungeon secret+ending true+ending bad+ending beat+elden+ring
      open+world+rpg action+rpg survival+game horror+game co+op+game gaming+news xbox+game+pass ps+portal switch+game
      switch+games nintendo+switch+2 switch+2+launch handheld+gaming retroarch steam+next+fest`,
    `ori+and+the+will+of+the+wisps ori+and+the+blind+forest`,
  ],
  normal: [
    `switch+2 cyberpunk ranked loot controller console consoles fps co+op coop arcade monopoly chess halo mario gta
      apex squad+up lobby twitch steam xbox+live nerfed nerf buffed respawns spawn+camping boss+rush grinding+xp
      level+cap leveled+up leveling+up max+level skill+tree side+quests dungeon tank+role dps loadout loadouts
      open+world sandbox+game game+mode story+mode hard+mode speedrunners pixel+art handheld+console emulators
      save+state checkmate chess+game grandmaster poker+night dice+roll d20 campaign+session session+zero game+night
      video+games playing+games gaming+session the+new+patch new+patch patch+day zelda+game pokemon+game
      nintendo+direct state+of+play summer+game+fest the+game+awards game+awards goty game+of+the+year steam+sale
      steam+summer+sale wishlist+on+steam steam+page unreal+engine unity+engine achievement+unlocked jump+scare+game
      horror+game cozy+game cozy+games sonic kirby metroid witcher diablo hades warzone raid+boss raid+night
      trophy+hunting it+takes+two+game`,
    `roguelike+run first+playthrough second+playthrough my+save new+character character+build skill+points main+story
      endgame end+game+content farming+xp grinding+levels grinding+for loot+drop rare+drop shiny+hunting shinies
      pokedex gym+leader gym+badges elite+four nuzlocke randomizer modpack`,
    `new+game shiny+hunt`,
    `one+more+turn one+more+run+turned victory+royale chicken+dinner squad+wiped lost+my+save save+file+corrupted
      credits+rolled+on respec dailies daily+quests battle+royale+win last+one+standing cleared+the+dungeon
      cleared+the+level beat+the+level final+level the+final+level co+op+with lan+party couch+coop`,
    `secret+character second+phase+of phase+two+of boss+phase`,
  ],
  weak: `unlocked cleared game+over shiny leveling game games play played playing level levels boss bosses rank squad
    glitch quest gpu achievement grind grinding character+creation character build builds servers server lag respawn
    spawn tournament mod mods modded modding console pc controller streamer trophy xp raid raids raiding healer
    handheld checkpoint checkpoints cartridge cartridges trophies achievements persona fallout celeste tunic stray
    tried+again died+again`,
};
