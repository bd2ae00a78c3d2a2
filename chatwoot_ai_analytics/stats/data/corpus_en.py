# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""English source of the training sets: hand-written chat messages and templates."""

from corpus_pt import rows

SENTENCES = (
    rows(
        "purchase",
        """
neu|I want to buy the blue dress, how do I order?
neu|Do you have these sneakers in size 8?
neu|Is the red lipstick still in stock?
pos|Love the new collection, I'll take two tops!
neu|Can I place the order through chat?
neu|When is the perfume back in stock?
neu|Do you have the bag in black?
neu|I'd like to order three makeup kits
neu|Do you sell wholesale?
pos|Such a cute outfit, I want it now
neu|Which shades does the foundation come in?
neu|Send me the link to buy the moisturizer please
""",
    )
    + rows(
        "price",
        """
neu|How much is the skincare kit?
neu|What's the price of the jeans?
neu|Is there a discount if I pay upfront?
neu|Can I pay in installments?
neu|Do you have a first order coupon?
neg|That's way too expensive, any better price?
neg|The coupon didn't work and I was overcharged
pos|What a great price! Totally worth it
neu|Is the 30% off still on?
neu|how much for the lipstick and liner combo?
""",
    )
    + rows(
        "order_status",
        """
neu|What's the status of my order 4512?
neu|Has my order shipped yet?
neu|Can you send me the tracking number?
neg|Where is my order? It's been 15 days
neg|Tracking hasn't updated in a week
neu|Was the payment for my order approved?
neg|You said it would arrive yesterday and nothing
neu|When will my order arrive?
pos|Thanks, I can see my order is on its way!
neu|hi, checking on my order
""",
    )
    + rows(
        "shipping",
        """
neu|How much is shipping to Miami?
neu|Do you ship to Canada?
neu|How long does delivery take to Texas?
neu|What's the minimum for free shipping?
neu|Can I pick it up in store?
neg|Shipping costs more than the product, no way
neu|Which carrier do you use?
pos|Free shipping? Awesome!
neg|Twenty days for delivery is way too long
pos|Arrived super fast, in two days, loved it
""",
    )
    + rows(
        "exchange_return",
        """
neu|I want to exchange the top for a bigger size
neu|How do returns work?
neg|The dress came in the wrong size, I need to exchange it
neg|I got the wrong color, I need to return it
neu|How long do I have to return an item?
neu|I want a refund, how do I do that?
neg|The product arrived defective, I want to return it
neg|The refund still hasn't shown up on my card
pos|The exchange was so easy, thank you!
neu|Can I swap it for another model?
""",
    )
    + rows(
        "complaint",
        """
neg|Terrible service, nobody answers me
neg|I'm very disappointed with the quality
neg|The product arrived broken, unacceptable
neg|Never buying from you again
neg|I didn't like the fabric, it feels cheap
neg|The foundation gave me a rash
neg|Three days waiting for an answer, ridiculous
neg|The lipstick is awful, it doesn't last at all
neg|I don't recommend this store to anyone
neg|Totally different from the picture
neg|So annoyed, I paid and got nothing
neg|Slow support and no solution
neg|worst purchase ever, what a scam
""",
    )
    + rows(
        "compliment",
        """
pos|Loved the dress, it fits perfectly!
pos|You guys are amazing, top service
pos|Everything arrived fine, thank you so much
pos|The lipstick is wonderful, lasts all day
pos|Best store I've ever bought from
pos|Congrats on the service, so helpful
pos|Excellent quality product, I recommend it
pos|No complaints, everything perfect
pos|Not bad at all, I really liked it
pos|I don't regret buying it
pos|Thanks a lot for the help
pos|Very happy with my purchase
pos|thx, you rock
""",
    )
    + rows(
        "support",
        """
neu|I can't finish checkout on the website
neg|The site throws an error when I pay
neu|I forgot my password, how do I reset it?
neu|How do I change the delivery address?
neg|I paid and the order still says awaiting payment
neu|I didn't get the confirmation email
neu|How do I cancel my order?
neu|My card was declined, what should I do?
neg|I was charged twice on my card
neu|I need an invoice
neu|I want to talk to a human agent
""",
    )
    + rows(
        "other",
        """
neu|Hi
neu|Good morning
neu|Hello, how are you?
neu|Ok
neu|Sure
neu|Got it
neu|Waiting for your reply
neu|Are you hiring?
neu|Where is your physical store?
neu|Are you open on the holiday?
neu|I'm an influencer and would like a partnership
neu|One moment please
neu|Good night
""",
    )
)

SLOTS = {
    "p": [
        "the dress",
        "the top",
        "the sneakers",
        "the jeans",
        "the lipstick",
        "the foundation",
        "the perfume",
        "the moisturizer",
        "the handbag",
        "the makeup kit",
        "the t-shirt",
        "the shampoo",
        "the serum",
        "the sandals",
        "the jacket",
        "the watch",
        "the sunscreen",
    ],
    "d": ["5", "7", "10", "15", "20"],
    "n": ["1234", "4589", "10233", "77812"],
    "pag": ["card", "PayPal", "bank transfer", "Apple Pay"],
    "city": ["Miami", "Chicago", "Austin", "Toronto", "Seattle", "Denver", "Boston"],
    "size": ["S", "M", "L", "XL", "6", "8", "10"],
    "x": ["very", "super", "really", "extremely", "so"],
}

TEMPLATES = [
    ("I want to buy {p}, is it available?", "neutral", "purchase"),
    ("Do you have {p} in size {size}?", "neutral", "purchase"),
    ("How much is {p}?", "neutral", "price"),
    ("Any discount on {p} if I pay with {pag}?", "neutral", "price"),
    ("{p} is {x} expensive, any coupon?", "negative", "price"),
    ("Has my order {n} shipped?", "neutral", "order_status"),
    ("It's been {d} days and order {n} still hasn't arrived", "negative", "order_status"),
    ("How much is shipping to {city}?", "neutral", "shipping"),
    ("What's the delivery time to {city}?", "neutral", "shipping"),
    ("Shipping to {city} is {x} expensive", "negative", "shipping"),
    ("I want to exchange {p} for size {size}", "neutral", "exchange_return"),
    ("{p} arrived defective, I want my money back", "negative", "exchange_return"),
    ("I bought {p} and the quality is {x} bad, don't recommend", "negative", "complaint"),
    ("I'm {x} disappointed with {p}", "negative", "complaint"),
    ("Waited {d} days and {p} arrived broken, terrible", "negative", "complaint"),
    ("Loved {p}, {x} good quality", "positive", "compliment"),
    ("Bought {p} and I like it {x} much, recommend it", "positive", "compliment"),
    ("{p} is not bad, I liked it", "positive", "compliment"),
    ("I paid with {pag} and order {n} doesn't show up", "negative", "support"),
    ("I can't pay with {pag} on the website", "neutral", "support"),
    ("Hi, writing from {city}", "neutral", "other"),
]
PER_TEMPLATE = 8
VARIANTS = 90

SLANG_SWAPS = [
    ("you", "u"),
    ("please", "pls"),
    ("thanks", "thx"),
    ("because", "bc"),
    ("don't", "dont"),
]
EMOJIS = {
    "positive": ["😍", "❤️", "🥰", "👏", "😊", "🙏", "lol", "!!!"],
    "negative": ["😡", "😤", "😢", "👎", "😭", "!!!", "😒"],
}

#: Texts whose intent differs from their block's (their sentiment stays where it is).
RELABEL = {"I want to talk to a human agent": "human_request"}

#: Rows of the intent set only (the sentiment set is unchanged by them): requests for a person.
INTENT_ONLY = rows(
    "human_request",
    """
neu|Can I talk to a real person?
neu|Is there a human there?
neu|Please transfer me to an agent
neu|I'd like to speak to someone from the store
neu|I don't want to talk to a bot
neu|let me talk to a person please
neu|I want to speak to the manager
neu|Connect me with a live agent
neu|Get me a representative
neu|Can a real person help me?
neu|are you a bot? I need a human
neu|I need to speak with someone from your team
neu|Put me through to customer service rep
neu|Can someone from the shop call me?
neu|human please
""",
)
